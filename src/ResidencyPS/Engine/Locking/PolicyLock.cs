using System;
using System.Collections.Generic;
using System.Linq;
using ResidencyPS.Engine.Loading;

namespace ResidencyPS.Engine.Locking;

/// <summary>
/// One vendor's policy as it was pinned: its version and SHA-256, when, and the whole policy, so a later check can say
/// what changed (Compare-ResidencyPolicy's differences), not only that something did.
/// </summary>
internal sealed record Pin(string Vendor, string PolicyVersion, string Sha256, DateTime PinnedOn, ResidencyPolicy Policy);

/// <summary>A lock file (Get-Help about_ResidencyPS_Lock): one pin per vendor.</summary>
internal sealed class PolicyLock
{
    /// <summary>What the file is called in messages.</summary>
    public const string What = "lock file";

    /// <summary>The version of the lock file format this module writes and reads.</summary>
    public const string FormatVersion = "1.0";

    /// <summary>The schema shipped in the module folder, named by a relative path as policy and waiver files name theirs.</summary>
    public const string SchemaFileName = "lock.schema.json";

    /// <summary>The largest lock file read: it holds a policy per vendor, each of them at most <see cref="PolicyLoader.MaxBytes"/>.</summary>
    public const long MaxBytes = 16 * PolicyLoader.MaxBytes;

    public PolicyLock(string path, IReadOnlyList<Pin> pins)
    {
        Path = path;
        Pins = pins;
    }

    /// <summary>The file the pins were read from (or are written to).</summary>
    public string Path { get; }

    /// <summary>The pins, one per vendor, in vendor order.</summary>
    public IReadOnlyList<Pin> Pins { get; }

    /// <summary>The pin of <paramref name="vendor"/>'s policy; null when the lock pins none.</summary>
    public Pin? For(string vendor) => Pins.FirstOrDefault(p => PolicyStore.SameVendor(p.Vendor, vendor));

    /// <summary>
    /// This lock with <paramref name="policies"/> pinned at <paramref name="now"/> in place of their vendors' pins. With
    /// <paramref name="only"/>, every other pin stays; without it the lock pins exactly <paramref name="policies"/>.
    /// A policy whose pin holds the same SHA-256 keeps its pin and date: pinning again changes nothing.
    /// </summary>
    public PolicyLock With(IReadOnlyList<ResidencyPolicy> policies, bool only, DateTime now)
    {
        var pins = policies.Select(p => For(p.Vendor) is Pin same && same.Sha256 == p.Sha256 ? same : new Pin(p.Vendor, p.PolicyVersion, p.Sha256, now, p)).ToList();
        if (only)
        {
            pins.AddRange(Pins.Where(kept => !policies.Any(p => PolicyStore.SameVendor(p.Vendor, kept.Vendor))));
        }

        return new PolicyLock(Path, pins.OrderBy(p => p.Vendor, StringComparer.OrdinalIgnoreCase).ThenBy(p => p.Vendor, StringComparer.Ordinal).ToList());
    }
}
