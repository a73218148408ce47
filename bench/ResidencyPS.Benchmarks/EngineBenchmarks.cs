using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Running;
using ResidencyPS;
using ResidencyPS.Engine.Evaluation;
using ResidencyPS.Engine.Loading;

BenchmarkSwitcher.FromAssembly(typeof(EngineBenchmarks).Assembly).Run(args);

/// <summary>The engine's hot paths: loading the embedded policy, resolving names, evaluating the EEA boundary.</summary>
[MemoryDiagnoser]
public class EngineBenchmarks
{
    private ResidencyPolicy _policy = null!;
    private DataResidencyInfo _record = null!;
    private HostingRegionInfo _eea = null!;

    [GlobalSetup]
    public void Setup()
    {
        _policy = PolicyStore.Embedded;
        var product = _policy.ProductIndex.Find("Freshsales")!;
        _record = _policy.Find(product, _policy.CategoryIndex.Find("Call recordings")!)!;
        _eea = _policy.RegionIndex.Find("EEA")!;
        BoundaryEvaluator.Evaluate(_policy, _record, _eea, BoundaryOptions.None);
    }

    [Benchmark(Description = "Load the embedded policy")]
    public ResidencyPolicy LoadEmbedded() => PolicyLoader.LoadEmbedded();

    [Benchmark(Description = "Resolve an exact name")]
    public ProductInfo? ResolveExact() => _policy.ProductIndex.Find("Freshdesk");

    [Benchmark(Description = "Resolve an alias")]
    public ProductInfo? ResolveAlias() => _policy.ProductIndex.Find("Freshworks CRM");

    [Benchmark(Description = "Resolve a Dutch name")]
    public DataCategoryInfo? ResolveDutch() => _policy.CategoryIndex.Find("Opnames van gesprekken");

    [Benchmark(Description = "Resolve a wildcard")]
    public int ResolveWildcard() =>
        _policy.CategoryIndex.Match(new System.Management.Automation.WildcardPattern("*gegevens", System.Management.Automation.WildcardOptions.IgnoreCase).IsMatch).Count;

    [Benchmark(Description = "Evaluate the EEA boundary")]
    public EeaBoundaryResult Evaluate() => BoundaryEvaluator.Evaluate(_policy, _record, _eea, BoundaryOptions.None);
}
