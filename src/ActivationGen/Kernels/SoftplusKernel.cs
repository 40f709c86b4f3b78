using ActivationGen.Emit;
using ActivationGen.Model;

namespace ActivationGen.Kernels;

/// <summary>Softplus: f(x) = max(x, 0) + log1p(e^-|x|), f'(x) = σ(x) from the same e^-|x|.</summary>
internal sealed class SoftplusKernel : Kernel
{
    public static readonly SoftplusKernel Instance = new();

    public override string Describe(ActivationSpec spec) =>
        "Softplus: f(x) = ln(1 + e^x), computed as max(x, 0) + log1p(e^-|x|); f'(x) = σ(x) = 1 / (1 + e^-x).";

    public override ElementType ComputeType(ActivationSpec spec, ElementType element) => element;

    public override void WriteForward(CodeWriter writer, ActivationSpec spec, ElementType element, ElementType compute)
    {
        WriteExponential(writer);
        WriteValue(writer);
    }

    public override void WriteDerivative(CodeWriter writer, ActivationSpec spec, ElementType element, ElementType compute)
    {
        WriteExponential(writer);
        WriteSlope(writer);
    }

    public override void WriteFused(CodeWriter writer, ActivationSpec spec, ElementType element, ElementType compute)
    {
        WriteExponential(writer);
        WriteValue(writer);
        WriteSlope(writer);
    }

    private static void WriteExponential(CodeWriter writer) =>
        writer.Line("var t = {M}.ExpNonPositive(-{V}.Abs(x), 0); // e^-|x|, in [0, 1]");

    private static void WriteValue(CodeWriter writer)
    {
        writer.Line("var log1p = {M}.Log1pUnit(t);");
        writer.Line("var y = {V}.ConditionalSelect({V}.GreaterThan(x, {VD}.Zero), x + log1p, log1p);");
    }

    private static void WriteSlope(CodeWriter writer) =>
        writer.Line("var dy = {M}.DivideByOnePlus({V}.ConditionalSelect({V}.GreaterThanOrEqual(x, {VD}.Zero), {VD}.One, t), t);");
}
