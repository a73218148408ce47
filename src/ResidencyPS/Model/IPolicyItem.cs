namespace ResidencyPS;

/// <summary>An object a policy produced; a cmdlet that receives one checks it answers from that same policy.</summary>
internal interface IPolicyItem
{
    /// <summary>The policy the object came from.</summary>
    ResidencyPolicy? Owner { get; }
}
