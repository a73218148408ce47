using System.Collections.Generic;
using ResidencyPS.Engine.Names;

namespace ResidencyPS.Engine.Evaluation;

/// <summary>Where a boundary check's output goes: results, problems (errors), warnings and, when wanted, verbose lines.</summary>
internal interface IBoundaryCheckOutput
{
    /// <summary>A result: tested, waived, or NotEvaluated with its reason.</summary>
    void Result(EeaBoundaryResult result);

    /// <summary>Why something of an input was not tested; its NotEvaluated result follows as a result.</summary>
    void Problem(Problem problem);

    /// <summary>Something the user should know that is no fault of the input (a product outside its regions, a repeated row).</summary>
    void Warning(string message);

    /// <summary>Whether verbose lines are wanted (building them costs, on every row).</summary>
    bool VerboseWanted { get; }

    /// <summary>A verbose line: what a name matched, which waiver applied.</summary>
    void Verbose(string message);
}

/// <summary>
/// One input of a boundary check: an inventory row (its position from 1 and its own columns), or the command line's
/// values (row 0). Values from a row are <c>Literal</c>: a name, never a pattern.
/// </summary>
/// <param name="Products">The products named; null for every product of the policy.</param>
/// <param name="ProductsLiteral">Whether the product values are names only (from a row).</param>
/// <param name="Categories">The data categories named; null or blank for every category of a product.</param>
/// <param name="CategoriesLiteral">Whether the category values are names only (from a row).</param>
/// <param name="HostingRegion">The region the account is hosted in; the EEA when null or blank.</param>
/// <param name="HostingLiteral">Whether the region value is a name only (from a row).</param>
/// <param name="Row">The input row's position from 1; 0 for the command line's values.</param>
/// <param name="Columns">The row's own columns, carried to its results.</param>
internal readonly record struct CheckInput(
    IReadOnlyList<string>? Products,
    bool ProductsLiteral,
    IReadOnlyList<string>? Categories,
    bool CategoriesLiteral,
    string? HostingRegion,
    bool HostingLiteral,
    int Row,
    InputColumns Columns);
