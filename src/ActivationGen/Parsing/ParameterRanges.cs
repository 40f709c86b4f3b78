using System;
using System.Collections.Immutable;
using System.Globalization;
using ActivationGen.Model;

namespace ActivationGen.Parsing;

/// <summary>
/// One <c>double</c> parameter's accepted values: 0 when <paramref name="ZeroAccepted"/>, and every value whose magnitude
/// lies between <paramref name="Low"/> and <paramref name="High"/> (each end closed unless marked open). These are the
/// finite values for which the generated kernels keep the whole contract of API.md (f and f', every shape, float and
/// double); a finite value outside is error AGEN0013 naming the range.
/// </summary>
/// <param name="Reason">Why the range ends where it does (for the diagnostic and the README).</param>
internal sealed record ParameterRange(
    ActivationKind Kind,
    string Name,
    Func<ActivationSpec, double> Read,
    double Low,
    bool LowOpen,
    double High,
    bool HighOpen,
    bool ZeroAccepted,
    string Reason)
{
    /// <summary>Whether every finite value is accepted (0 included).</summary>
    public bool IsUnrestricted => Low == 0 && !LowOpen && High == double.MaxValue && !HighOpen && ZeroAccepted;

    public bool Accepts(double value)
    {
        if (value == 0)
        {
            return ZeroAccepted;
        }

        var magnitude = Math.Abs(value);
        return (LowOpen ? magnitude > Low : magnitude >= Low) && (HighOpen ? magnitude < High : magnitude <= High);
    }

    /// <summary>The accepted values as text, e.g. <c>Beta = 0 or 1E-148 ≤ |Beta|</c>.</summary>
    public string Describe()
    {
        if (IsUnrestricted)
        {
            return "any finite " + Name;
        }

        var magnitude = "|" + Name + "|";
        if (Low > 0 || LowOpen)
        {
            magnitude = Format(Low) + (LowOpen ? " < " : " ≤ ") + magnitude;
        }

        if (High < double.MaxValue || HighOpen)
        {
            magnitude += (HighOpen ? " < " : " ≤ ") + Format(High);
        }

        return ZeroAccepted && (Low > 0 || LowOpen) ? Name + " = 0 or " + magnitude : magnitude;
    }

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}

/// <summary>
/// The accepted range of every <c>double</c> parameter of the activation attributes, in one place: the parser checks
/// them (AGEN0013) and the README lists them. Non-finite values are AGEN0008 before any range applies; the rules
/// "Celu Alpha ≠ 0", "Softplus Beta ≠ 0", "SigmoidSum From ≤ To" and "HardTanh Min &lt; Max" are checked on their own.
/// </summary>
internal static class ParameterRanges
{
    /// <summary>
    /// Silu and Softplus scale e^-|Beta·x| by 2^(8 + e) for |Beta| ≈ 2^-e so that x·e^-|Beta·x| and e^-|Beta·x|/Beta keep
    /// their digits in the far tail; that scaling fits in double for |Beta| ≥ 2^-496 ≈ 1.96e-149.
    /// </summary>
    public const double SmallestBeta = 1e-148;

    public static readonly ImmutableArray<ParameterRange> All = ImmutableArray.Create(
        Any(ActivationKind.Sigmoid, "Offset", s => s.Offset, "x - Offset is kept exact as a pair of doubles"),
        Any(ActivationKind.SigmoidSum, "From", s => s.From, "the offsets are exact rationals, carried as pairs of doubles"),
        Any(ActivationKind.SigmoidSum, "To", s => s.To, "the offsets are exact rationals, carried as pairs of doubles"),
        new(ActivationKind.SigmoidSum, "Scale", s => s.Scale, Low: 0, LowOpen: false, High: 1e200, HighOpen: false, ZeroAccepted: true,
            "the sum carries a factor 2^800 so that its far left tail keeps its digits once Scale multiplies it"),
        new(ActivationKind.Elu, "Alpha", s => s.Alpha, Low: 0, LowOpen: false, High: 1e280, HighOpen: false, ZeroAccepted: true,
            "Alpha·e^x is computed as (Alpha·2^-k)·(e^x·2^k) with 2^k > |Alpha|, and e^x·2^k must stay below 2^955"),
        Any(ActivationKind.LeakyRelu, "NegativeSlope", s => s.NegativeSlope, "one product, rounded once"),
        new(ActivationKind.Celu, "Alpha", s => s.Alpha, Low: 2.2250738585072014E-308, LowOpen: false, High: double.MaxValue, HighOpen: false, ZeroAccepted: false,
            "x/Alpha is kept exact as a pair through 1/Alpha, which must be finite"),
        new(ActivationKind.Silu, "Beta", s => s.Beta, Low: SmallestBeta, LowOpen: false, High: double.MaxValue, HighOpen: false, ZeroAccepted: true,
            "below, x·σ(Beta·x) would lose digits in its far tail"),
        new(ActivationKind.Softplus, "Beta", s => s.Beta, Low: SmallestBeta, LowOpen: false, High: double.MaxValue, HighOpen: false, ZeroAccepted: false,
            "below, ln(1 + e^(Beta·x))/Beta would lose digits in its far tail"),
        Any(ActivationKind.HardTanh, "Min", s => s.Min, "the bounds are compared exactly, also where they are no float"),
        Any(ActivationKind.HardTanh, "Max", s => s.Max, "the bounds are compared exactly, also where they are no float"));

    private static ParameterRange Any(ActivationKind kind, string name, Func<ActivationSpec, double> read, string reason) =>
        new(kind, name, read, Low: 0, LowOpen: false, High: double.MaxValue, HighOpen: false, ZeroAccepted: true, reason);
}
