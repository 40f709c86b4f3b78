using System;
using System.Collections.Immutable;
using System.Globalization;
using ActivationGen.Emit;
using ActivationGen.Model;

namespace ActivationGen.Kernels;

/// <summary>
/// SiLU / swish: with z = Beta·x kept exact as a pair z + zLow and t = e^-|z|, f(x) = x·σ(z) and
/// f'(x) = σ(z) + z·σ(z)σ(-z). σ(|z|) = 1/(1 + t); σ(z)σ(-z) = t/(1 + t)². For z ≥ 0, f' = σ(z) + z·σ(z)σ(-z) adds
/// positive terms; for z &lt; 0 it is σ(z)σ(-z)·(1 + z + e^z), whose last factor vanishes at z₀ = -1.2785…: there it is
/// computed as d + e^z₀·expm1(d) with d = z - z₀ (exact), which has no cancellation. In float lanes f' is one quotient,
/// (z ≥ 0 ? 1 + t + z·t : t·(1 + z + e^z)) / (1 + t)²; double lanes keep compensated quotients. t is computed scaled by 2^Shift
/// so that x·t stays out of the subnormals wherever f (or f') is a normal number.
/// </summary>
internal sealed class Silu : Activation
{
    private static readonly Parameter Beta = Parameter.Double(
        "Beta", 1, "The factor β in σ(β·x)", AcceptedRange.AtLeast(SmallestBeta, zeroAccepted: true, "below, x·σ(Beta·x) would lose digits in its far tail"));

    public static readonly Silu Instance = new();

    public override string Name => "Silu";

    public override string Summary =>
        """
        the sigmoid-weighted linear unit (swish): f(x) = x·σ(Beta·x) (SiLU when Beta = 1);
        with <see cref="Derivative"/>, f'(x) = σ(Beta·x) + Beta·x·σ(Beta·x)·σ(-Beta·x).
        """;

    public override ImmutableArray<Parameter> Parameters { get; } = ImmutableArray.Create(Beta);

    // z₀ = -1.27846454276107379510935873902298 (1 + z₀ + e^z₀ = 0) as a double-double, and e^z₀ = -(1 + z₀).
    private const double RootHi = -1.2784645427610737;
    private const double RootLo = -1.0946994183093437E-16;
    private const double ExpRootHi = 0.2784645427610738;

    public override string Describe(ActivationSpec spec)
    {
        var beta = Literals.Readable(spec[Beta]);
        if (spec[Beta] == 0)
        {
            return "SiLU with Beta = 0: f(x) = x/2; f'(x) = 1/2.";
        }

        var z = spec[Beta] == 1 ? "x" : (spec[Beta] < 0 ? "(" + beta + ")" : beta) + "·x";
        return $"SiLU (swish) with Beta = {beta}: f(x) = x·σ({z}) with σ(z) = 1 / (1 + e^-z); "
            + $"f'(x) = σ(z) + z·σ(z)·σ(-z) with z = {z}, computed without cancellation where it crosses 0.";
    }

    /// <summary>
    /// Float lanes unless Beta is no normal float or so small that the float tail scaling does not fit (|Beta| &lt; 2^-56);
    /// then double lanes, where float inputs keep the whole contract.
    /// </summary>
    public override ElementType ComputeType(ActivationSpec spec, ElementType element) =>
        spec[Beta] == 0 || (IsSingleNormal(spec[Beta]) && TailShiftFits(spec[Beta], element)) ? element : ElementType.Double;

    /// <summary>
    /// The scaling of t: 2^Shift·t is normal wherever x·t (≈ f) is, |x| being at most |z|/|Beta|; and small enough that
    /// |x|·t·2^Shift ≤ 2^Shift/(e·|Beta|) cannot overflow (float lanes serve |Beta| ≥ 2^-56, double lanes 2^-496; the
    /// parser rejects smaller values).
    /// </summary>
    private static int Shift(ActivationSpec spec, ElementType compute) => TailShift(spec[Beta], compute);

    private static bool HasLow(ActivationSpec spec) => spec[Beta] != 1 && spec[Beta] != -1;

    protected override void WriteShared(CodeWriter writer, ActivationSpec spec, ElementType element, ElementType compute, Parts parts)
    {
        if (spec[Beta] == 0)
        {
            return; // x/2 and 1/2: nothing to share
        }

        var shift = Shift(spec, compute);
        if (spec[Beta] == 1)
        {
            writer.Line("var z = x;");
            writer.Line($"var t = {{M}}.Exp(-{{V}}.Abs(z), {shift}); // e^-|z|·2^{shift}");
        }
        else if (spec[Beta] == -1)
        {
            writer.Line("var z = -x;");
            writer.Line($"var t = {{M}}.Exp(-{{V}}.Abs(z), {shift}); // e^-|z|·2^{shift}");
        }
        else
        {
            var beta = Split(spec[Beta], 0, compute);
            writer.Line($"var z = {{M}}.Multiply(x, {Literals.Of(beta.Hi, compute)}, {Literals.Of(beta.Lo, compute)}, out var zLow); // z + zLow = Beta·x exactly");
            writer.Line($"var t = {ExpOfMinusAbs("z", "zLow", shift.ToString(CultureInfo.InvariantCulture))}; // e^-|z|·2^{shift}");
        }

        writer.Line($"var tUnscaled = t * {Constant(Math.Pow(2, -shift), compute)}; // e^-|z|, in [0, 1]");
    }

    // f = x·σ(z) = x/(1 + t) for z ≥ 0, x·t/(1 + t) for z < 0: one division rounds the quotient once (x·r would round
    // r and the product). A finite stand-in for x = ±∞ where z < 0 (t = 0 there) keeps ∞·0 out.
    protected override void WriteValue(CodeWriter writer, ActivationSpec spec, ElementType element, ElementType compute)
    {
        if (spec[Beta] == 0)
        {
            writer.Line("var y = x * " + Constant(0.5, compute) + ";");
            return;
        }

        var big = compute == ElementType.Double ? double.MaxValue : float.MaxValue;
        var finite = spec[Beta] > 0 ? $"{{V}}.Max(x, {Constant(-big, compute)})" : $"{{V}}.Min(x, {Constant(big, compute)})";
        writer.Line($"var y = {{V}}.ConditionalSelect({{V}}.GreaterThanOrEqual(z, {{VD}}.Zero), x, {finite} * t * {Constant(Math.Pow(2, -Shift(spec, compute)), compute)}) / ({{VD}}.One + tUnscaled);");
    }

    protected override void WriteSlope(CodeWriter writer, ActivationSpec spec, ElementType element, ElementType compute)
    {
        if (spec[Beta] == 0)
        {
            writer.Line("var dy = " + Constant(0.5, compute) + ";");
            return;
        }

        var scale = Constant(Math.Pow(2, -Shift(spec, compute)), compute);
        var root = Split(RootHi, RootLo, compute);
        var low = HasLow(spec) ? "zLow" : "{VD}.Zero";
        var single = compute == ElementType.Single;
        if (!single)
        {
            writer.Line("var r = {M}.DivideByOnePlus({VD}.One, tUnscaled); // σ(|z|)");
            writer.Line("var square = {M}.DivideByOnePlusSquared(t, tUnscaled); // σ(z)σ(-z)·2^Shift");
        }

        writer.Line("var zc = {V}.Min({V}.Max(z, " + Constant(-1e30, compute) + "), " + Constant(1e30, compute) + "); // z where finite; ±∞ → ±1e30 (t = 0 there)");
        writer.Line($"var d = (z - {Constant(root.Hi, compute)}) + ({low} - {Constant(root.Lo, compute)}); // z - z₀, the first difference exact");
        writer.Line("var nearRoot = {V}.FusedMultiplyAdd(" + Constant(ExpRootHi, compute) + ", {M}.ExpM1Reduced(d), d); // 1 + z + e^z = d + e^z₀·expm1(d), for |d| < 0.34");
        writer.Line($"var factor = {{V}}.ConditionalSelect({{V}}.LessThan({{V}}.Abs(d), {Constant(0.34, compute)}), nearRoot, ((zc + {{VD}}.One) + tUnscaled) + {low}); // 1 + z + e^z");
        if (single)
        {
            // One quotient (float lanes): (z ≥ 0 ? 1 + t + z·t : t·(1 + z + t)) / (1 + t)², (1 + t)² = 1 + t(2 + t) rounded once.
            writer.Line($"var dy = {{V}}.ConditionalSelect({{V}}.GreaterThanOrEqual(z, {{VD}}.Zero), {{V}}.FusedMultiplyAdd(zc, tUnscaled, {{VD}}.One + tUnscaled), t * factor * {scale}) / {{V}}.FusedMultiplyAdd(tUnscaled, tUnscaled + {Constant(2, compute)}, {{VD}}.One);");
        }
        else
        {
            writer.Line($"var dy = {{V}}.ConditionalSelect({{V}}.GreaterThanOrEqual(z, {{VD}}.Zero), {{V}}.FusedMultiplyAdd(zc, square * {scale}, r), square * factor * {scale});");
        }
    }
}
