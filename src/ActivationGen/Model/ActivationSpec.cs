using System;

namespace ActivationGen.Model;

/// <summary>
/// One attribute as written by the user: which activation, whether the derivative is asked for, and its parameters
/// (a parameter the activation does not have keeps its default and is ignored).
/// </summary>
/// <remarks>
/// Equality compares the parameters by their bits: 0.0 and -0.0 give different code (the sign of a zero result), so
/// an edit from one to the other must regenerate the method.
/// </remarks>
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

    public bool Equals(ActivationSpec? other) =>
        other is not null
        && Kind == other.Kind
        && Derivative == other.Derivative
        && Count == other.Count
        && Approximate == other.Approximate
        && FromOutput == other.FromOutput
        && Bits(Offset) == Bits(other.Offset)
        && Bits(From) == Bits(other.From)
        && Bits(To) == Bits(other.To)
        && Bits(Scale) == Bits(other.Scale)
        && Bits(Alpha) == Bits(other.Alpha)
        && Bits(NegativeSlope) == Bits(other.NegativeSlope)
        && Bits(Beta) == Bits(other.Beta)
        && Bits(Min) == Bits(other.Min)
        && Bits(Max) == Bits(other.Max);

    public override int GetHashCode()
    {
        var hash = ((int)Kind * 31) + (Derivative ? 1 : 0) + (FromOutput ? 2 : 0) + ((int)Approximate * 4);
        foreach (var value in new[] { Offset, From, To, Scale, Alpha, NegativeSlope, Beta, Min, Max })
        {
            hash = unchecked((hash * 31) + Bits(value).GetHashCode());
        }

        return unchecked((hash * 31) + Count);
    }

    private static long Bits(double value) => BitConverter.DoubleToInt64Bits(value);
}
