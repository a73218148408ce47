namespace ResidencyPS;

/// <summary>How a fact was obtained from the source document.</summary>
public enum Basis
{
    /// <summary>The source states it in so many words.</summary>
    Stated,

    /// <summary>Read off the layout of the source's table (for example a merged cell that shares the region line above it).</summary>
    InferredFromTableLayout,

    /// <summary>Read off the content of the source (for example a product identified by the data it holds).</summary>
    InferredFromContent,

    /// <summary>Nothing was read: the input could not be evaluated (an unknown product, category or region). Never in a policy file.</summary>
    NotEvaluated,
}

/// <summary>The overall answer of an EEA boundary test.</summary>
public enum Verdict
{
    /// <summary>Everything the source says keeps the data inside the EEA.</summary>
    Within,

    /// <summary>The data ends inside the EEA but passes outside it for a stated time first.</summary>
    Transient,

    /// <summary>The data is, or is presumed by the policy text to be, hosted or processed outside the EEA.</summary>
    Outside,

    /// <summary>The source does not say where the data is; no guess is made.</summary>
    Unknown,

    /// <summary>The input could not be evaluated (an unknown product, category or region); the findings say why.</summary>
    NotEvaluated,
}

/// <summary>What one finding of an EEA boundary test means for the verdict.</summary>
public enum FindingEffect
{
    /// <summary>Information that does not change the verdict, such as a conflict in the source.</summary>
    Info,

    /// <summary>The finding keeps the data inside the EEA.</summary>
    Within,

    /// <summary>The finding sends the data outside the EEA for a limited time.</summary>
    Transient,

    /// <summary>The finding puts the data outside the EEA.</summary>
    Outside,

    /// <summary>The finding leaves the data's location unknown.</summary>
    Unknown,
}

/// <summary>A finding's effect in words: one wording for messages and reports, which auditors read (no enum names).</summary>
internal static class FindingEffectWords
{
    /// <summary>What <paramref name="effect"/> does to the data, in English.</summary>
    public static string Of(FindingEffect effect) => effect switch
    {
        FindingEffect.Within => "keeps it in the EEA",
        FindingEffect.Transient => "passes outside the EEA",
        FindingEffect.Outside => "takes it outside the EEA",
        FindingEffect.Unknown => "leaves it unknown",
        _ => "for information",
    };
}

/// <summary>The unit of a retention period, as the source words it.</summary>
public enum PeriodUnit
{
    /// <summary>Minutes.</summary>
    Minutes,

    /// <summary>Days.</summary>
    Days,

    /// <summary>Calendar years.</summary>
    Years,

    // Added after the first three, so the numbers Minutes, Days and Years had (a result saved by value) keep their meaning.

    /// <summary>Hours.</summary>
    Hours,

    /// <summary>Weeks of seven days.</summary>
    Weeks,

    /// <summary>Calendar months.</summary>
    Months,
}

/// <summary>What happens to data when its retention period at a location ends.</summary>
public enum RetentionOutcome
{
    /// <summary>The source does not say.</summary>
    NotStated,

    /// <summary>The data is deleted.</summary>
    Deleted,

    /// <summary>The data moves to another region (see <c>MovesTo</c>).</summary>
    MovedToRegion,
}

/// <summary>Conditions under which a boundary rule applies.</summary>
public enum RuleCondition
{
    /// <summary>Always.</summary>
    Always,

    /// <summary>Only when the customer uses integrations or third-party applications.</summary>
    UsesIntegrations,

    /// <summary>Only when the customer has a custom mailbox.</summary>
    CustomMailbox,

    /// <summary>Only when the customer has no custom mailbox (the policy's default promise for EEA customers then does not apply).</summary>
    NoCustomMailbox,
}

/// <summary>The paper an HTML report or Article 30 record is laid out for when printed.</summary>
public enum PageSize
{
    /// <summary>ISO A4, 210 by 297 mm (the default).</summary>
    A4,

    /// <summary>US Letter, 8.5 by 11 inches.</summary>
    Letter,
}

/// <summary>The formats Export-ResidencyReport writes.</summary>
public enum ReportFormat
{
    /// <summary>One self-contained HTML page.</summary>
    Html,

    /// <summary>Markdown tables.</summary>
    Markdown,

    /// <summary>One CSV row per EEA boundary result.</summary>
    Csv,

    /// <summary>A GDPR Article 30 record of processing per product, as one self-contained HTML page.</summary>
    Article30,

    /// <summary>The Article 30 record as CSV: one row per product, data category and transfer.</summary>
    Article30Csv,

    /// <summary>The result file: the run as one JSON document (result.schema.json), which Import-ResidencyResult reads back.</summary>
    Json,

    /// <summary>JUnit XML for CI servers: a test case per product, data category and hosting region.</summary>
    JUnit,

    /// <summary>SARIF 2.1.0 for code-scanning tools: a result per row that did not pass or was waived, pointing at the policy text's lines.</summary>
    Sarif,
}

/// <summary>What happens to data in a data flow, as a record of processing distinguishes it.</summary>
public enum DataActivity
{
    /// <summary>The data is stored (hosted) there.</summary>
    Storage,

    /// <summary>The data is processed there (for example sign-in data on the SSO platform).</summary>
    Processing,

    /// <summary>The data passes through on its way, for a time (call recordings in the US for 10 minutes).</summary>
    Transit,

    /// <summary>Logs of the data are kept there.</summary>
    Logging,

    /// <summary>Backups of the data are kept there.</summary>
    Backup,

    /// <summary>The data is moved there during a migration from another vendor.</summary>
    Migration,

    /// <summary>Integrations or third-party applications receive or process the data.</summary>
    Integration,
}

/// <summary>Whether a data flow takes the data to a place outside the EEA.</summary>
public enum LeavesEea
{
    /// <summary>The place is inside the EEA.</summary>
    No,

    /// <summary>The place is outside the EEA, or the policy text says the data is presumed to leave it.</summary>
    Yes,

    /// <summary>The policy text says the data may be processed outside the EEA.</summary>
    May,

    /// <summary>The policy text names no place.</summary>
    Unknown,
}
