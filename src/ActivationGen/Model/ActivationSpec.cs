namespace ActivationGen.Model;

/// <summary>
/// One attribute as written by the user: which activation, whether the derivative is asked for, and its parameters
/// (a parameter the activation does not have keeps its default and is ignored).
/// </summary>
internal sealed record ActivationSpec(
    ActivationKind Kind,
    bool Derivative,
    double Offset = 0,
    int Count = 100,
    double From = 0,
    double To = 10,
    double Scale = 1,
    double Alpha = 1)
{
    /// <summary>The largest <c>SigmoidSum.Count</c> accepted; documented in the README and the attribute's XML docs.</summary>
    public const int MaxSigmoidSumCount = 10_000;
}
