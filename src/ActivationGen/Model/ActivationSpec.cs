namespace ActivationGen.Model;

/// <summary>
/// One attribute as written by the user: which activation, whether the derivative is asked for, and its parameters
/// (a parameter the activation does not have keeps its default and is ignored).
/// </summary>
/// <param name="FromOutput">Backward from the forward result: the first span holds y = f(x) instead of x.</param>
internal sealed record ActivationSpec(
    ActivationKind Kind,
    bool Derivative,
    double Offset = 0,
    int Count = 100,
    double From = 0,
    double To = 10,
    double Scale = 1,
    double Alpha = 1,
    double NegativeSlope = 0.01,
    double Beta = 1,
    double Min = -1,
    double Max = 1,
    GeluApproximation Approximate = GeluApproximation.None,
    bool FromOutput = false)
{
    /// <summary>The largest <c>SigmoidSum.Count</c> accepted; documented in the README and the attribute's XML docs.</summary>
    public const int MaxSigmoidSumCount = 10_000;
}
