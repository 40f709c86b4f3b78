using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using ActivationGen.Diagnostics;
using ActivationGen.Emit;
using ActivationGen.Model;

namespace ActivationGen.Kernels;

/// <summary>
/// Softplus: f(x) = (1/Beta)·ln(1 + e^(Beta·x)) = x + log1p(e^-|z|)/Beta for z = Beta·x &gt; 0, log1p(e^-|z|)/Beta
/// otherwise (z kept exact as a pair; x itself stands for z/Beta, so nothing overflows); f'(x) = σ(z) from the same
/// e^-|z|. Beta = 1 is the plain max(x, 0) + log1p(e^-|x|).
/// </summary>
internal sealed class Softplus : Activation
{
    private static readonly Parameter Beta = Parameter.Double(
        "Beta", 1, "The sharpness β", AcceptedRange.AtLeast(SmallestBeta, zeroAccepted: false, "below, ln(1 + e^(Beta·x))/Beta would lose digits in its far tail"));

    public static readonly Softplus Instance = new();

    public override string Name => "Softplus";

    public override string Summary =>
        """
        softplus, f(x) = (1/Beta)·ln(1 + e^(Beta·x)), computed as
        max(x, 0) + log1p(e^-|Beta·x|)/Beta (no overflow for large x, no loss for very negative x, no threshold switch);
        with <see cref="Derivative"/>, f'(x) = σ(Beta·x).
        """;

    public override ImmutableArray<Parameter> Parameters { get; } = ImmutableArray.Create(Beta);

    public override string? FromOutputCondition => string.Empty;

    /// <summary>Beta = 0 gets its own message: the range would only say it is too small.</summary>
    public override IEnumerable<ParameterProblem> Check(ActivationSpec spec)
    {
        if (spec[Beta] == 0)
        {
            yield return new(DiagnosticDescriptors.ParameterOutOfRange, new[] { "Beta" }, new object?[] { "Beta", "0", "Softplus divides by Beta, give it a nonzero value" });
        }
    }

    public override string Describe(ActivationSpec spec)
    {
        if (spec[Beta] == 1)
        {
            return "Softplus: f(x) = ln(1 + e^x), computed as max(x, 0) + log1p(e^-|x|); f'(x) = σ(x) = 1 / (1 + e^-x).";
        }

        var beta = Literals.Readable(spec[Beta]);
        var b = spec[Beta] < 0 ? "(" + beta + ")" : beta;
        return $"Softplus with Beta = {beta}: f(x) = (1/{b})·ln(1 + e^({b}·x)), computed as x + log1p(e^-|z|)/{b} for z = {b}·x &gt; 0 "
            + $"and log1p(e^-|z|)/{b} otherwise; f'(x) = σ({b}·x) = 1 / (1 + e^-({b}·x)).";
    }

    /// <summary>
    /// Float lanes unless Beta or 1/Beta is no normal float, or |Beta| &lt; 2^-56 (the float tail scaling does not fit);
    /// then double lanes, where float inputs keep the whole contract.
    /// </summary>
    public override ElementType ComputeType(ActivationSpec spec, ElementType element) =>
        IsSingleNormal(spec[Beta]) && IsSingleNormal(1 / spec[Beta]) && TailShiftFits(spec[Beta], element) ? element : ElementType.Double;

    protected override void WriteShared(CodeWriter writer, ActivationSpec spec, ElementType element, ElementType compute, Parts parts)
    {
        if (spec[Beta] == 1)
        {
            writer.Line("var t = {M}.ExpMinusAbs(x); // e^-|x|, in [0, 1]");
        }
        else
        {
            WriteScaledExponential(writer, spec, compute);
        }
    }

    protected override void WriteValue(CodeWriter writer, ActivationSpec spec, ElementType element, ElementType compute)
    {
        if (spec[Beta] == 1)
        {
            writer.Line("var log1p = {M}.Log1pUnitFast(t); // within 2 ULP, which the result's 4 affords");
            writer.Line("var y = {V}.ConditionalSelect({V}.GreaterThan(x, {VD}.Zero), x + log1p, log1p);");
        }
        else
        {
            WriteScaledValue(writer, spec, compute);
        }
    }

    protected override void WriteSlope(CodeWriter writer, ActivationSpec spec, ElementType element, ElementType compute)
    {
        var z = spec[Beta] == 1 ? "x" : "z";
        var t = spec[Beta] == 1 || Shift(spec, compute) == 0 ? "t" : "tUnscaled";
        writer.Line("var dy = " + SigmoidFromExp(z, t) + ";");
    }

    /// <summary>
    /// f' = σ(Beta·x) = 1 - e^(-Beta·y) = 0 - expm1(-Beta·y), with -Beta·y ≤ 0 kept exact as a pair (0 - expm1, not -expm1:
    /// 1 - e^(∓0) is +0 at both zeros of y).
    /// </summary>
    public override void WriteDerivativeFromOutput(CodeWriter writer, ActivationSpec spec, ElementType element, ElementType compute)
    {
        if (spec[Beta] == 1)
        {
            writer.Line("var expm1 = {M}.ExpM1NonPositive(-y);");
        }
        else if (spec[Beta] == -1)
        {
            writer.Line("var expm1 = {M}.ExpM1NonPositive(y);");
        }
        else
        {
            var minusBeta = Split(-spec[Beta], 0, compute);
            writer.Line($"var w = {{M}}.Multiply(y, {Literals.Of(minusBeta.Hi, compute)}, {Literals.Of(minusBeta.Lo, compute)}, out var wLow); // w + wLow = -Beta·y exactly");
            writer.Line("var expm1 = {M}.ExpM1NonPositive(w, wLow); // expm1(w + wLow)");
        }

        writer.Line("var dy = {VD}.Zero - expm1;");
    }

    /// <summary>
    /// For |Beta| &lt; 1, e^-|z| is computed scaled by 2^Shift: log1p(e^-|z|)/Beta can be a normal number where e^-|z|
    /// is subnormal, and the scaled value keeps its precision through the division by Beta.
    /// </summary>
    private static int Shift(ActivationSpec spec, ElementType compute)
    {
        if (Math.Abs(spec[Beta]) >= 1)
        {
            return 0;
        }

        // Enough for e^-|z| ≥ the normal minimum·|Beta|/2^8, and small enough that log1p(e^-|z|)·2^Shift/Beta stays finite.
        return TailShift(spec[Beta], compute);
    }

    private static bool HasLow(ActivationSpec spec) => spec[Beta] != -1;

    private static void WriteScaledExponential(CodeWriter writer, ActivationSpec spec, ElementType compute)
    {
        var shift = Shift(spec, compute);
        if (HasLow(spec))
        {
            var beta = Split(spec[Beta], 0, compute);
            writer.Line($"var z = {{M}}.Multiply(x, {Literals.Of(beta.Hi, compute)}, {Literals.Of(beta.Lo, compute)}, out var zLow); // z + zLow = Beta·x exactly");
            writer.Line($"var t = {ExpOfMinusAbs("z", "zLow", shift.ToString(CultureInfo.InvariantCulture))}; // e^-|z|·2^{shift}");
        }
        else
        {
            writer.Line("var z = -x;");
            writer.Line($"var t = {{M}}.Exp(-{{V}}.Abs(z), {shift}); // e^-|z|·2^{shift}");
        }

        if (shift != 0)
        {
            writer.Line($"var tUnscaled = t * {Constant(Math.Pow(2, -shift), compute)}; // e^-|z|, in [0, 1]");
        }
    }

    private static void WriteScaledValue(CodeWriter writer, ActivationSpec spec, ElementType compute)
    {
        var shift = Shift(spec, compute);
        var reciprocal = Reciprocal(spec[Beta]);
        var inverse = Split(reciprocal.Hi, reciprocal.Lo, compute);
        if (shift == 0)
        {
            writer.Line("var log1p = {M}.Log1pUnit(t);");
            writer.Line("var part = " + Times("log1p", inverse, compute) + "; // log1p(e^-|z|)/Beta");
        }
        else
        {
            var tiny = compute == ElementType.Double ? Math.Pow(2, -54) : Math.Pow(2, -26);
            writer.Line("var log1p = {M}.Log1pUnit(tUnscaled);");
            writer.Line($"var scaled = {{V}}.ConditionalSelect({{V}}.LessThan(tUnscaled, {Constant(tiny, compute)}), t, log1p * {Constant(Math.Pow(2, shift), compute)}); // log1p(e^-|z|)·2^{shift}");
            writer.Line("var part = " + Times("scaled", inverse, compute) + " * " + Constant(Math.Pow(2, -shift), compute) + "; // log1p(e^-|z|)/Beta");
        }

        writer.Line("var y = {V}.ConditionalSelect({V}.GreaterThan(z, {VD}.Zero), x + part, part);");
    }

}
