using ResidencyPS.Engine.Locking;
using ResidencyPS.Tests.Infrastructure;

namespace ResidencyPS.Tests.Engine.Locking;

/// <summary>
/// Issue 22, point 4: how the active policies stand against their pins, and the refusal a check with the lock gives,
/// with Compare-ResidencyPolicy's impact summary. Fictional vendors only.
/// </summary>
public sealed class LockCheckTests
{
    private static readonly DateTime Noon = new(2026, 12, 3, 12, 0, 0, DateTimeKind.Utc);

    private static PolicyLock Pinning(params ResidencyPolicy[] policies) => new PolicyLock("/x/residency.lock.json", Array.Empty<Pin>()).With(policies, only: false, Noon);

    [Fact]
    public void Each_active_policy_is_unchanged_changed_or_not_pinned_and_pins_of_inactive_vendors_are_listed_last()
    {
        var globex = LockFileTests.Globex();
        var policyLock = Pinning(LockFileTests.Acme("EEA"), globex);
        var initech = new FictionalPolicy("Initech (fictional)").Data("Staplers", "Stated", "EEA").Load();

        var states = LockCheck.States(policyLock, new[] { LockFileTests.Acme("EEA", "US"), initech }, withInactive: true);

        Assert.Equal(new[] { "Acme Widgets (fictional): Changed", "Initech (fictional): NotPinned", "Globex (fictional): NotActive" }, states.Select(s => s.ToString()));
        Assert.DoesNotContain(LockCheck.States(policyLock, new[] { globex }, withInactive: false), s => s.Status != PinStatus.Unchanged);
        Assert.Null(LockCheck.Refusal(states[2]));
    }

    [Fact]
    public void A_changed_policy_carries_its_differences_and_the_refusal_names_their_impact_weakening_first()
    {
        var changed = LockCheck.States(Pinning(LockFileTests.Acme("EEA")), new[] { LockFileTests.Acme("EEA", "US") }, withInactive: false).Single();

        Assert.Equal(PinStatus.Changed, changed.Status);
        Assert.Equal(changed.Differences.Count, changed.Weakens + changed.Strengthens + changed.Neutral);
        Assert.Equal(1, changed.Weakens);
        Assert.Contains(changed.Differences, d => d.Scope == "Residency" && d.Impact == ChangeImpact.Weakens && d.NewValue == "EEA, US");

        var refusal = LockCheck.Refusal(changed)!;
        Assert.StartsWith("The policy of Acme Widgets (fictional) differs from its pin in residency.lock.json: pinned test (SHA-256 ", refusal, StringComparison.Ordinal);
        Assert.Contains(changed.Differences.Count + " differences: 1 weakens data residency in the EEA, 0 strengthen it, " + changed.Neutral + " leave", refusal, StringComparison.Ordinal);
        Assert.Contains("leave it as it was. Weakens: Residency Widgetry/Orders", refusal, StringComparison.Ordinal);
        Assert.EndsWith("then pin the policy again with Update-ResidencyLock.", refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void A_policy_without_a_pin_is_refused_with_the_command_that_pins_it()
    {
        var state = LockCheck.States(Pinning(), new[] { LockFileTests.Globex() }, withInactive: false).Single();
        Assert.Equal(PinStatus.NotPinned, state.Status);
        Assert.Equal("residency.lock.json pins no policy of Globex (fictional), so a change of its text would go unnoticed. Pin it with Update-ResidencyLock -Vendor 'Globex (fictional)'.",
            LockCheck.Refusal(state));

        // The command it suggests takes the name literally: wildcard characters escaped, a quote doubled.
        var eu = new FictionalPolicy("O'Brien [EU] (fictional)").Data("Orders", "Stated", "EEA").Load();
        Assert.EndsWith("-Vendor 'O''Brien `[EU`] (fictional)'.", LockCheck.Refusal(LockCheck.States(Pinning(), new[] { eu }, withInactive: false).Single()), StringComparison.Ordinal);
    }
}
