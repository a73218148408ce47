using System.Collections.Generic;
using System.Linq;
using System;
using ResidencyPS.Engine.Names;

namespace ResidencyPS.Engine.Loading;

internal sealed partial class PolicyBuilder
{
    private void Problem(string path, string message) => _problems.Add(new PolicyProblem(path, message));

    private string Required(string? value, string path)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Problem(path, "A value is required here.");
            return string.Empty;
        }

        return value!;
    }

    private IEnumerable<(T Item, string Path)> Each<T>(List<T>? items, string path)
        where T : class
    {
        if (items == null || items.Count == 0)
        {
            Problem(path, "At least one entry is required.");
            yield break;
        }

        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] == null)
            {
                Problem(path + "[" + i + "]", "An entry may not be null.");
                continue;
            }

            yield return (items[i], path + "[" + i + "]");
        }
    }

    private static IReadOnlyList<string> Strings(List<string>? values) =>
        values == null ? Array.Empty<string>() : values.Where(v => !string.IsNullOrWhiteSpace(v)).ToArray();

    private static IEnumerable<string> Names(string first, string? second, string? third, IReadOnlyList<string> aliases)
    {
        yield return first;
        if (second != null)
        {
            yield return second;
        }

        if (third != null)
        {
            yield return third;
        }

        foreach (var alias in aliases)
        {
            yield return alias;
        }
    }

    private T ParseEnum<T>(string? value, string path)
        where T : struct
    {
        if (value != null && !value.Any(char.IsDigit) && Enum.TryParse<T>(value, ignoreCase: false, out var parsed))
        {
            return parsed;
        }

        Problem(path, (value == null ? "A value is required here" : "'" + value + "' is not valid") + "; accepted: " + string.Join(", ", Enum.GetNames(typeof(T))) + ".");
        return default;
    }

    private PolicyStatement? Statement(string id, string path)
    {
        if (_statements.TryGetValue(id, out var statement))
        {
            return statement;
        }

        Problem(path, "No statement has the id '" + id + "'.");
        return null;
    }

    private IReadOnlyList<PolicyStatement> Sources(List<string>? ids, string path, bool required)
    {
        if (ids == null || ids.Count == 0)
        {
            if (required)
            {
                Problem(path, "Every fact must cite at least one statement of the source document.");
            }

            return Array.Empty<PolicyStatement>();
        }

        return ids.Select((id, i) => Statement(id ?? string.Empty, path + "[" + i + "]")).Where(s => s != null).Select(s => s!).ToArray();
    }

    private T? Reference<T>(NameIndex<T> index, string? name, string path, string what)
        where T : class
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            Problem(path, "A " + what + " is required here.");
            return null;
        }

        var item = index.Find(name!);
        if (item == null)
        {
            Problem(path, "No " + what + " is named '" + name + "'; accepted: " + string.Join(", ", index.Items) + ".");
        }

        return item;
    }

    private string? RegionCode(string name, string path) => Reference(_regions, name, path, "region")?.Code;

    private IReadOnlyList<string> RegionCodes(List<string>? names, string path) =>
        (names ?? new List<string>()).Select((n, i) => RegionCode(n, path + "[" + i + "]")).Where(c => c != null).Select(c => c!).ToArray();
}
