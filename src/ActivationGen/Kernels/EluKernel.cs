using System;
using ActivationGen.Emit;
using ActivationGen.Model;

namespace ActivationGen.Kernels;

/// <summary>
/// ELU: f(x) = x for x &gt; 0, Alpha·expm1(x) otherwise; f'(x) = 1 for x &gt; 0, Alpha·e^x otherwise. At ±0, f is
/// Alpha·(±0): x itself for Alpha ≥ 0, -x for Alpha &lt; 0 (not the expm1 branch: the helpers' expm1 gives +0 at -0).
/// </summary>
internal sealed class EluKernel : Kernel
{
    public static readonly EluKernel Instance = new();

    public override string Describe(ActivationSpec spec)
    {
        var alpha = Literals.Readable(spec.Alpha);
        var times = spec.Alpha == 1 ? string.Empty : alpha + "·";
        return $"ELU with Alpha = {alpha}: f(x) = x for x &gt; 0, {times}(e^x - 1) for x ≤ 0 (expm1, accurate near 0); "
            + $"f'(x) = 1 for x &gt; 0, {times}e^x for x ≤ 0.";
    }

    public override ElementType ComputeType(ActivationSpec spec, ElementType element) => element;

    // The comparison is written where it is used: a mask kept alive across the exponential makes the JIT's AVX-512
    // code several times slower.
    public override void WriteForward(CodeWriter writer, ActivationSpec spec, ElementType element, ElementType compute)
    {
        WriteNegativePart(writer, spec, compute);
        WriteValue(writer, spec);
    }

    public override void WriteDerivative(CodeWriter writer, ActivationSpec spec, ElementType element, ElementType compute)
    {
        WriteNegativeSlope(writer, spec, compute);
        writer.Line("var dy = {V}.ConditionalSelect({V}.GreaterThan(x, {VD}.Zero), {VD}.One, slope);");
    }

    // The fused statements share one range reduction between e^x - 1 and e^x; the forward and derivative statements
    // call the same helper (or its exp-only half), so all three give the same values.
    public override void WriteFused(CodeWriter writer, ActivationSpec spec, ElementType element, ElementType compute)
    {
        writer.Line("var expm1 = {M}.ExpM1AndExpNonPositive(x, out var exp); // lanes with x > 0 are discarded below");
        writer.Line("var negative = " + Times("expm1", spec.Alpha, compute) + ";");
        writer.Line("var slope = " + Times("exp", spec.Alpha, compute) + ";");
        WriteValue(writer, spec);
        writer.Line("var dy = {V}.ConditionalSelect({V}.GreaterThan(x, {VD}.Zero), {VD}.One, slope);");
    }

    /// <summary>Alpha ≥ 0: f' = 1 for y &gt; 0, else y + Alpha = Alpha·e^x (a float Alpha that is not a float added as a pair).</summary>
    public override void WriteDerivativeFromOutput(CodeWriter writer, ActivationSpec spec, ElementType element, ElementType compute)
    {
        var alpha = Split(spec.Alpha, 0, compute);
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
    private static void WriteValue(CodeWriter writer, ActivationSpec spec)
    {
        var atZero = spec.Alpha > 0 || BitConverter.DoubleToInt64Bits(spec.Alpha) == 0 ? "x" : "{V}.ConditionalSelect({V}.Equals(x, {VD}.Zero), -x, x)";
        writer.Line($"var y = {{V}}.ConditionalSelect({{V}}.LessThan(x, {{VD}}.Zero), negative, {atZero});");
    }

    private static void WriteNegativePart(CodeWriter writer, ActivationSpec spec, ElementType compute)
    {
        writer.Line("var expm1 = {M}.ExpM1AndExpNonPositive(x, out _); // lanes with x > 0 are discarded below");
        writer.Line("var negative = " + Times("expm1", spec.Alpha, compute) + ";");
    }

    private static void WriteNegativeSlope(CodeWriter writer, ActivationSpec spec, ElementType compute)
    {
        writer.Line("var exp = {M}.ExpNonPositive(x, 0); // lanes with x > 0 are discarded below");
        writer.Line("var slope = " + Times("exp", spec.Alpha, compute) + ";");
    }
}
