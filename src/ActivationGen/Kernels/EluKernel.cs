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
        return $"ELU with Alpha = {alpha}: f(x) = x for x &gt; 0, {alpha}·(e^x - 1) for x ≤ 0 (expm1, accurate near 0); "
            + $"f'(x) = 1 for x &gt; 0, {alpha}·e^x for x ≤ 0.";
    }

    public override void WriteForward(CodeWriter writer, ActivationSpec spec, ElementType element)
    {
        writer.Line("var positive = {V}.GreaterThan(x, {VD}.Zero);");
        WriteNegativePart(writer, spec);
        writer.Line("var y = {V}.ConditionalSelect(positive, x, negative);");
    }

    public override void WriteDerivative(CodeWriter writer, ActivationSpec spec, ElementType element)
    {
        writer.Line("var positive = {V}.GreaterThan(x, {VD}.Zero);");
        WriteNegativeSlope(writer, spec);
        writer.Line("var dy = {V}.ConditionalSelect(positive, {VD}.One, slope);");
    }

    public override void WriteFused(CodeWriter writer, ActivationSpec spec, ElementType element)
    {
        writer.Line("var positive = {V}.GreaterThan(x, {VD}.Zero);");
        WriteNegativePart(writer, spec);
        WriteNegativeSlope(writer, spec);
        writer.Line("var y = {V}.ConditionalSelect(positive, x, negative);");
        writer.Line("var dy = {V}.ConditionalSelect(positive, {VD}.One, slope);");
    }

    private static void WriteNegativePart(CodeWriter writer, ActivationSpec spec) =>
        writer.Line("var negative = {M}.ExpM1NonPositive(x)" + Times(spec.Alpha) + ";");

    private static void WriteNegativeSlope(CodeWriter writer, ActivationSpec spec) =>
        writer.Line("var slope = {M}.Exp(x, {VD}.Zero, 0)" + Times(spec.Alpha) + ";");

    private static string Times(double alpha) => alpha == 1 ? string.Empty : " * " + Constant(alpha);
}
