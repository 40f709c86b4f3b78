using System;
using System.Collections.Immutable;
using ActivationGen.Emit;
using ActivationGen.Model;

namespace ActivationGen.Kernels;

/// <summary>
/// ELU: f(x) = x for x &gt; 0, Alpha·expm1(x) otherwise; f'(x) = 1 for x &gt; 0, Alpha·e^x otherwise. At ±0, f is
/// Alpha·(±0): x itself for Alpha ≥ 0, -x for Alpha &lt; 0 (not the expm1 branch: the helpers' expm1 gives +0 at -0).
/// </summary>
internal sealed class Elu : Activation
{
    private static readonly Parameter Alpha = Parameter.Double(
        "Alpha", 1, "The scale of the negative part, -Alpha being the limit at -∞", AcceptedRange.AtMost(
            1e280, "Alpha·e^x is computed as (Alpha·2^-k)·(e^x·2^k) with 2^k > |Alpha|, and e^x·2^k must stay below 2^955"));

    public static readonly Elu Instance = new();

    public override string Name => "Elu";

    public override string Summary =>
        """
        the exponential linear unit: f(x) = x for x &gt; 0, Alpha·(e^x - 1) for x ≤ 0
        (computed with expm1, accurate near 0); with <see cref="Derivative"/>, f'(x) = 1 for x &gt; 0, Alpha·e^x for x ≤ 0
        (so f'(0) = Alpha).
        """;

    public override ImmutableArray<Parameter> Parameters { get; } = ImmutableArray.Create(Alpha);

    public override string? FromOutputCondition => "Alpha ≥ 0";

    public override string? FromOutputProblem(ActivationSpec spec) => spec[Alpha] >= 0 ? null
        : $"is not supported by [{Name}] with Alpha = {Parameter.Format(spec[Alpha])} (the output does not tell the sign of x)";

    public override string Describe(ActivationSpec spec)
    {
        var alpha = Literals.Readable(spec[Alpha]);
        var times = spec[Alpha] == 1 ? string.Empty : alpha + "·";
        return $"ELU with Alpha = {alpha}: f(x) = x for x &gt; 0, {times}(e^x - 1) for x ≤ 0 (expm1, accurate near 0); "
            + $"f'(x) = 1 for x &gt; 0, {times}e^x for x ≤ 0.";
    }

    /// <summary>
    /// Float lanes unless Alpha is no normal float or the scaling of e^x does not fit them (|Alpha| ≥ 2^100: float's Exp
    /// stops at 2^100); then double lanes.
    /// </summary>
    public override ElementType ComputeType(ActivationSpec spec, ElementType element) =>
        IsSingleNormal(spec[Alpha]) && Shift(spec) <= 100 ? element : ElementType.Double;

    // The comparison is written where it is used: a mask kept alive across the exponential makes the JIT's AVX-512
    // code several times slower. The fused statements share one range reduction between e^x - 1 and e^x (unless e^x is
    // scaled); the forward and derivative statements call the same helper (or its exp-only half), so all three give the
    // same values.
    protected override void WriteShared(CodeWriter writer, ActivationSpec spec, ElementType element, ElementType compute, Parts parts)
    {
        if (parts == Parts.Both && Shift(spec) == 0)
        {
            writer.Line(spec[Alpha] == 1
                ? "var expm1 = {M}.ExpM1AndExpNonPositive({V}.Min(x, {VD}.Zero), out var exp); // exp = f' (1 for x > 0)"
                : "var expm1 = {M}.ExpM1AndExpNonPositive(x, out var exp); // lanes with x > 0 are discarded below");
            writer.Line("var negative = " + Times("expm1", spec[Alpha], compute) + ";");
            writer.Line("var slope = " + Times("exp", spec[Alpha], compute) + ";");
            return;
        }

        if (parts.HasFlag(Parts.Value))
        {
            writer.Line("var expm1 = {M}.ExpM1AndExpNonPositive(x, out _); // lanes with x > 0 are discarded below");
            writer.Line("var negative = " + Times("expm1", spec[Alpha], compute) + ";");
        }

        if (parts.HasFlag(Parts.Slope))
        {
            WriteNegativeSlope(writer, spec, compute);
        }
    }

    /// <summary>Alpha = 1: the slope is e^min(x, 0), already 1 for x &gt; 0 (and at 0), so no select.</summary>
    protected override void WriteSlope(CodeWriter writer, ActivationSpec spec, ElementType element, ElementType compute) =>
        writer.Line(spec[Alpha] == 1 ? "var dy = slope;" : "var dy = {V}.ConditionalSelect({V}.GreaterThan(x, {VD}.Zero), {VD}.One, slope);");

    /// <summary>Alpha ≥ 0: f' = 1 for y &gt; 0, else y + Alpha = Alpha·e^x (a float Alpha that is not a float added as a pair).</summary>
    public override void WriteDerivativeFromOutput(CodeWriter writer, ActivationSpec spec, ElementType element, ElementType compute)
    {
        var alpha = Split(spec[Alpha], 0, compute);
        var sum = alpha.Lo == 0
            ? $"y + {Constant(alpha.Hi, compute)}"
            : $"(y + {Constant(alpha.Hi, compute)}) + {Constant(alpha.Lo, compute)}";
        writer.Line($"var dy = {{V}}.ConditionalSelect({{V}}.GreaterThan(y, {{VD}}.Zero), {{VD}}.One, {sum});");
    }

    /// <summary>x wherever x &lt; 0 is false: NaN gives x itself.</summary>
    public override bool ForwardKeepsNaN(ActivationSpec spec) => true;

    /// <summary>
    /// y from x and the negative part: the negative part for x &lt; 0, else x. So ±0 gives ±0 = Alpha·(±0) for Alpha ≥ 0
    /// (+0 included) at no cost; for Alpha &lt; 0 (or -0), Alpha·(±0) = ∓0, -x where x = 0.
    /// </summary>
    protected override void WriteValue(CodeWriter writer, ActivationSpec spec, ElementType element, ElementType compute)
    {
        var atZero = spec[Alpha] > 0 || BitConverter.DoubleToInt64Bits(spec[Alpha]) == 0 ? "x" : "{V}.ConditionalSelect({V}.Equals(x, {VD}.Zero), -x, x)";
        writer.Line($"var y = {{V}}.ConditionalSelect({{V}}.LessThan(x, {{VD}}.Zero), negative, {atZero});");
    }

    /// <summary>
    /// Alpha·e^x as (Alpha·2^-Shift)·(e^x·2^Shift): e^x·2^Shift is normal wherever Alpha·e^x is, so the product keeps
    /// its digits where e^x alone is subnormal (|Alpha| &gt; 1; the parser keeps Shift within Exp's 2^955). For |Alpha| ≤ 1
    /// the exponential that flushes below the smallest normal (as the fused shape's ExpM1AndExpNonPositive): Alpha·e^x
    /// is below it there too, where the contract accepts an absolute error up to it.
    /// </summary>
    private static void WriteNegativeSlope(CodeWriter writer, ActivationSpec spec, ElementType compute)
    {
        var shift = Shift(spec);
        writer.Line(shift != 0 ? $"var exp = {{M}}.ExpNonPositive(x, {shift}); // e^x·2^{shift}; lanes with x > 0 are discarded below"
            : spec[Alpha] == 1 ? "var exp = {M}.ExpNonPositiveFlushed({V}.Min(x, {VD}.Zero)); // e^min(x, 0): 1 for x > 0"
            : "var exp = {M}.ExpNonPositiveFlushed(x); // lanes with x > 0 are discarded below");
        writer.Line("var slope = " + Times("exp", ScaleByPowerOfTwo(spec[Alpha], -shift), compute) + ";");
    }

    /// <summary>The e with 2^e &gt; |Alpha| for |Alpha| &gt; 1, else 0.</summary>
    private static int Shift(ActivationSpec spec) => Math.Abs(spec[Alpha]) > 1 ? BinaryExponent(spec[Alpha]) + 1 : 0;
}
