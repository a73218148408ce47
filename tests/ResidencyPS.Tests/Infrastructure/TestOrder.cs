// The active policy is one per process (PolicyStore), as it is for a PowerShell session's module. Some tests swap
// it (ConcurrencyTests, Import-ResidencyPolicy examples), and every documented example reads it, so test classes
// run one after another: a policy swapped in one class must never answer another class's example.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
