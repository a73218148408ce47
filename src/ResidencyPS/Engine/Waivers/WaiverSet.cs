using System;
using System.Collections.Generic;
using System.Linq;

namespace ResidencyPS.Engine.Waivers;

/// <summary>
/// The waivers of one file, for one pipeline: the current ones cover results; the expired ones cover nothing and are
/// named in a warning; and the set remembers which waivers covered something, so the stale ones can be named too.
/// </summary>
internal sealed class WaiverSet
{
    private readonly List<Waiver> _current;
    private readonly HashSet<Waiver> _used = new HashSet<Waiver>();
    private readonly object _gate = new object();

    /// <summary>
    /// The waivers of <paramref name="origin"/> as they stand at <paramref name="now"/> (see <see cref="Waiver.CurrentOn"/>).
    /// </summary>
    public WaiverSet(string origin, IReadOnlyList<Waiver> waivers, DateTime now, string? sha256 = null)
    {
        Origin = origin;
        Sha256 = sha256;
        All = waivers;
        _current = waivers.Where(w => w.CurrentOn(now) && w.Invalidated == null).ToList();
        Expired = waivers.Where(w => !w.CurrentOn(now)).ToList();
        Invalidated = waivers.Where(w => w.CurrentOn(now) && w.Invalidated != null).ToList();
        _now = now;
    }

    private readonly DateTime _now;

    /// <summary>
    /// The current waivers whose last day is at most <paramref name="days"/> days away (0: today), with how many days
    /// they have left, counted in UTC days as expiry is: a check warns before a waiver stops covering its results.
    /// </summary>
    public IReadOnlyList<(Waiver Waiver, int DaysLeft)> ExpiringWithin(int days) =>
        _current.Select(w => (Waiver: w, DaysLeft: w.DaysLeft(_now))).Where(w => w.DaysLeft <= days).ToList();

    /// <summary>The file the waivers came from.</summary>
    public string Origin { get; }

    /// <summary>The SHA-256 of the file's bytes as read; null when the waivers did not come from a file.</summary>
    public string? Sha256 { get; }

    /// <summary>Every waiver of the file, in file order.</summary>
    public IReadOnlyList<Waiver> All { get; }

    /// <summary>Waivers whose last day has passed: they cover nothing.</summary>
    public IReadOnlyList<Waiver> Expired { get; }

    /// <summary>Waivers that have not expired but no longer apply: what they were reviewed against changed (<see cref="Waiver.Invalidated"/>).</summary>
    public IReadOnlyList<Waiver> Invalidated { get; }

    /// <summary>Current waivers that have covered no result so far.</summary>
    public IReadOnlyList<Waiver> Unused
    {
        get
        {
            lock (_gate)
            {
                return _current.Where(w => !_used.Contains(w)).ToList();
            }
        }
    }

    /// <summary>Current waivers that covered at least one result, in file order.</summary>
    public IReadOnlyList<Waiver> Used
    {
        get
        {
            lock (_gate)
            {
                return _current.Where(_used.Contains).ToList();
            }
        }
    }

    /// <summary>The register as it stands now: every waiver with what became of it so far (complete once the pipeline has ended).</summary>
    public WaiverLedger Ledger()
    {
        var used = new HashSet<Waiver>(Used);
        var entries = All.Select(w =>
        {
            // As the constructor sorts them: expired whatever else, then invalidated, then applied or not.
            var status = !w.CurrentOn(_now) ? WaiverStatus.Expired : w.Invalidated != null ? WaiverStatus.Invalidated : used.Contains(w) ? WaiverStatus.Applied : WaiverStatus.Unused;
            return new WaiverLedgerEntry(w.Index, w.Product, w.DataCategory, w.Verdict, w.Justification, w.ApprovedBy, w.Expires, status,
                status == WaiverStatus.Invalidated ? w.Invalidated : null);
        }).ToList();
        return new WaiverLedger(Origin, Sha256, entries);
    }

    /// <summary>The first current waiver that covers a result of this product, category and verdict; null when none does.</summary>
    public Waiver? Find(string product, string dataCategory, Verdict verdict)
    {
        foreach (var waiver in _current)
        {
            if (waiver.Products.Contains(product) && waiver.Categories.Contains(dataCategory) && (waiver.Verdict == null || waiver.Verdict == verdict))
            {
                lock (_gate)
                {
                    _used.Add(waiver);
                }

                return waiver;
            }
        }

        return null;
    }
}
