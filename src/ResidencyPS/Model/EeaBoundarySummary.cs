namespace ResidencyPS;

/// <summary>Test-EeaBoundary -Summary: the results of one product and hosting region, counted by verdict.</summary>
public sealed class EeaBoundarySummary : IPolicyItem
{
    ResidencyPolicy? IPolicyItem.Owner => _context.Policy;

    private readonly AssessmentContext _context;

    internal EeaBoundarySummary(AssessmentContext context, string product, string hostingRegion)
    {
        _context = context;
        Product = product;
        HostingRegion = hostingRegion;
    }

    /// <summary>The product (its name in the policy, or the name as given when it names no product).</summary>
    public string Product { get; }

    /// <summary>The hosting region (code, or the value as given when it names no region).</summary>
    public string HostingRegion { get; }

    /// <summary>How many results were counted, NotEvaluated ones included.</summary>
    public int Tested { get; private set; }

    /// <summary>Results whose verdict is Within.</summary>
    public int Within { get; private set; }

    /// <summary>Results whose verdict is Transient.</summary>
    public int Transient { get; private set; }

    /// <summary>Results whose verdict is Outside.</summary>
    public int Outside { get; private set; }

    /// <summary>Results whose verdict is Unknown.</summary>
    public int Unknown { get; private set; }

    /// <summary>Input rows that could not be evaluated (unknown product, category or region).</summary>
    public int NotEvaluated { get; private set; }

    /// <summary>Results a current waiver covers.</summary>
    public int Waived { get; private set; }

    /// <summary>True when every result passed (and there was at least one).</summary>
    public bool Passed => Tested > 0 && PassedCount == Tested;

    /// <summary>The vendor of the policy that answered.</summary>
    public string PolicyVendor => _context.PolicyVendor;

    /// <summary>The version of the policy that answered.</summary>
    public string PolicyVersion => _context.PolicyVersion;

    /// <summary>The SHA-256 of the policy that answered.</summary>
    public string PolicySha256 => _context.PolicySha256;

    /// <summary>Whether the test assumed integrations or third-party applications.</summary>
    public bool UsesIntegrations => _context.UsesIntegrations;

    /// <summary>Whether the test assumed a custom mailbox.</summary>
    public bool CustomMailbox => _context.CustomMailbox;

    private int PassedCount { get; set; }

    internal void Add(EeaBoundaryResult result)
    {
        Tested++;
        switch (result.Verdict)
        {
            case Verdict.Within:
                Within++;
                break;
            case Verdict.Transient:
                Transient++;
                break;
            case Verdict.Outside:
                Outside++;
                break;
            case Verdict.Unknown:
                Unknown++;
                break;
            default:
                NotEvaluated++;
                break;
        }

        Waived += result.Waived ? 1 : 0;
        PassedCount += result.Passed ? 1 : 0;
    }

    /// <inheritdoc />
    public override string ToString() => Product + " (" + HostingRegion + "): " + (Passed ? "passed" : "not passed");
}
