using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace ResidencyPS.Engine.Names;

/// <summary>
/// Country codes (ISO 3166-1 alpha-2) with English names and common aliases, so a user may write DE, Germany, Czechia
/// or Czech Republic. The table is the module's own (Data/countries.tsv), never the runtime's culture data: ICU,
/// Windows (NLS) and invariant globalization each name countries differently or not at all, and the same input must
/// give the same answer on every machine.
/// </summary>
internal static class Countries
{
    /// <summary>The logical name of the embedded table.</summary>
    internal const string ResourceName = "ResidencyPS.Data.countries.tsv";

    private static readonly Lazy<Table> Data = new Lazy<Table>(Load);

    /// <summary>Every code with its English name, in code order.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> All => Data.Value.Entries;

    /// <summary>The English name of an ISO code (CH: Switzerland); null for a code that is no country.</summary>
    public static string? NameOf(string code) =>
        Data.Value.NameByCode.TryGetValue((code ?? string.Empty).Trim(), out var name) ? name : null;

    /// <summary>The ISO code of a code, an English country name or an alias (Germany: DE), ignoring case and diacritics; null when unknown.</summary>
    public static string? CodeOf(string codeOrName)
    {
        var text = (codeOrName ?? string.Empty).Trim();
        if (text.Length == 2 && Data.Value.NameByCode.ContainsKey(text))
        {
            return text.ToUpperInvariant();
        }

        return Data.Value.CodeByName.TryGetValue(NameIndex<string>.Fold(text), out var code) ? code : null;
    }

    private static Table Load()
    {
        using var stream = typeof(Countries).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException("The country table " + ResourceName + " is missing from the assembly.");
        using var reader = new StreamReader(stream, new UTF8Encoding(false, throwOnInvalidBytes: true));
        return Parse(reader);
    }

    /// <summary>Reads the table: one country a line, code, name and aliases separated by tabs (aliases by ';'); '#' starts a comment line.</summary>
    internal static Table Parse(TextReader reader)
    {
        var table = new Table();
        string? line;
        while ((line = reader.ReadLine()) != null)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var columns = line.Split('\t');
            var code = columns[0];
            table.Entries.Add(new KeyValuePair<string, string>(code, columns[1]));
            table.NameByCode.Add(code, columns[1]);
            table.AddName(columns[1], code);
            if (columns.Length > 2)
            {
                foreach (var alias in columns[2].Split(';'))
                {
                    table.AddName(alias, code);
                }
            }
        }

        return table;
    }

    /// <summary>The parsed table; duplicate codes or names fail loudly at the first look-up (and in the tests), never silently.</summary>
    internal sealed class Table
    {
        public List<KeyValuePair<string, string>> Entries { get; } = new List<KeyValuePair<string, string>>();

        public Dictionary<string, string> NameByCode { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        public Dictionary<string, string> CodeByName { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        /// <summary>Adds a name; one that folds to a name of the same country is the same name, one of another country an error.</summary>
        public void AddName(string name, string code)
        {
            var key = NameIndex<string>.Fold(name);
            if (CodeByName.TryGetValue(key, out var known) && !string.Equals(known, code, StringComparison.Ordinal))
            {
                throw new InvalidOperationException("The country name '" + name + "' stands for both " + known + " and " + code + ".");
            }

            CodeByName[key] = code;
        }
    }
}
