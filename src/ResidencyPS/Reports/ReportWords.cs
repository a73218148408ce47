using System.Collections.Generic;
using System.Linq;

namespace ResidencyPS.Reports;

/// <summary>
/// What a report prints instead of the module's enum names, and the symbols that carry a cell's meaning on paper,
/// where colours may print as grey: one vocabulary for the HTML and the markdown report and their legends.
/// </summary>
internal static class ReportWords
{
    /// <summary>The symbol of a fact read off the table's layout.</summary>
    public const string TableLayoutMark = "†";

    /// <summary>The symbol of a fact read off the text's content.</summary>
    public const string ContentMark = "‡";

    /// <summary>The symbol of a fact the policy text contradicts elsewhere.</summary>
    public const string ConflictMark = "⚠";

    /// <summary>A verdict in words, with its symbol first.</summary>
    public static string Verdict(Verdict verdict) => verdict switch
    {
        ResidencyPS.Verdict.Within => "✓ within",
        ResidencyPS.Verdict.Transient => "⇄ transient",
        ResidencyPS.Verdict.Outside => "✗ outside",
        ResidencyPS.Verdict.Unknown => "? unknown",
        _ => "– not evaluated",
    };

    /// <summary>A basis in words.</summary>
    public static string Basis(Basis basis) => basis switch
    {
        ResidencyPS.Basis.Stated => "stated",
        ResidencyPS.Basis.InferredFromTableLayout => "inferred from the table layout " + TableLayoutMark,
        ResidencyPS.Basis.InferredFromContent => "inferred from the content " + ContentMark,
        _ => "not evaluated",
    };

    /// <summary>A basis in words, followed by the conflict mark and the word when the policy text contradicts the fact.</summary>
    public static string BasisAndConflict(Basis basis, bool conflict) => Basis(basis) + (conflict ? " " + ConflictMark + " conflict" : string.Empty);

    /// <summary>The symbol a cell carries for its basis and conflict, empty for a stated, uncontested fact.</summary>
    public static string Marks(Basis basis, bool conflict) =>
        (basis == ResidencyPS.Basis.InferredFromTableLayout ? " " + TableLayoutMark : basis == ResidencyPS.Basis.InferredFromContent ? " " + ContentMark : string.Empty)
        + (conflict ? " " + ConflictMark : string.Empty);

    /// <summary>A finding's effect in words.</summary>
    public static string Effect(FindingEffect effect) => FindingEffectWords.Of(effect);

    /// <summary>A retention period in English, with the policy text's own words beside it.</summary>
    public static string Period(RetentionRule rule) => Period(rule.PeriodText == null ? null : rule.PeriodInWords, rule.PeriodText);

    /// <summary>A time in English words with the policy text's own words beside it; "not stated" when the text gives none.</summary>
    public static string Period(string? inWords, string? policyText) =>
        inWords == null || policyText == null ? "not stated" : inWords + " (" + policyText + ")";

    // Declared before Legend, which it ends: static fields are initialized in the order they are written.
    /// <summary>
    /// The legend of a fact's basis and conflict marks alone: what every page that shows them explains, the Article 30
    /// record included, which has no verdicts.
    /// </summary>
    public static IReadOnlyList<KeyValuePair<string, string>> BasisLegend { get; } = new[]
    {
        Pair("stated", "the vendor's policy text says it in so many words"),
        Pair(TableLayoutMark, "inferred from the table layout: a group of data with no region line of its own shares the row's region line, as a merged cell would"),
        Pair(ContentMark, "inferred from the content: a reading of the words, explained under Readings and conflicts"),
        Pair(ConflictMark, "conflict: another passage of the policy text says otherwise; both are quoted under Readings and conflicts"),
    };

    /// <summary>What the legend explains, in the order it lists them: symbol or colour, then meaning.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Legend { get; } = new[]
    {
        Pair(Verdict(ResidencyPS.Verdict.Within), "the data stays inside the EEA"),
        Pair(Verdict(ResidencyPS.Verdict.Transient), "the data is stored in the EEA but passes through a place outside it (for example 10 minutes in the US)"),
        Pair(Verdict(ResidencyPS.Verdict.Outside), "the data is hosted or processed outside the EEA"),
        Pair(Verdict(ResidencyPS.Verdict.Unknown), "the policy text does not say where the data is"),
        Pair(Verdict(ResidencyPS.Verdict.NotEvaluated), "an input row named no product, category or region of the policy; it is counted, not dropped"),
    }.Concat(BasisLegend).ToList();

    private static KeyValuePair<string, string> Pair(string key, string value) => new KeyValuePair<string, string>(key, value);
}
