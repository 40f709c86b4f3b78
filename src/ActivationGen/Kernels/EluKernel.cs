using ActivationGen.Emit;
using ActivationGen.Model;

namespace ActivationGen.Kernels;

/// <summary>ELU: f(x) = x for x &gt; 0, Alpha·expm1(x) otherwise; f'(x) = 1 for x &gt; 0, Alpha·e^x otherwise.</summary>
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
        writer.Line("var y = {V}.ConditionalSelect({V}.GreaterThan(x, {VD}.Zero), x, negative);");
    }

    public override void WriteDerivative(CodeWriter writer, ActivationSpec spec, ElementType element, ElementType compute)
    {
        WriteNegativeSlope(writer, spec, compute);
        writer.Line("var dy = {V}.ConditionalSelect({V}.GreaterThan(x, {VD}.Zero), {VD}.One, slope);");
    }

    public override void WriteFused(CodeWriter writer, ActivationSpec spec, ElementType element, ElementType compute)
    {
        WriteNegativePart(writer, spec, compute);
        WriteNegativeSlope(writer, spec, compute);
        writer.Line("var y = {V}.ConditionalSelect({V}.GreaterThan(x, {VD}.Zero), x, negative);");
        writer.Line("var dy = {V}.ConditionalSelect({V}.GreaterThan(x, {VD}.Zero), {VD}.One, slope);");
    }

    private static void WriteNegativePart(CodeWriter writer, ActivationSpec spec, ElementType compute) =>
        writer.Line("var negative = " + Times("{M}.ExpM1NonPositive(x)", spec.Alpha, compute) + ";");

    private static void WriteNegativeSlope(CodeWriter writer, ActivationSpec spec, ElementType compute) =>
        writer.Line("var slope = " + Times("{M}.Exp(x, 0)", spec.Alpha, compute) + ";");
}
