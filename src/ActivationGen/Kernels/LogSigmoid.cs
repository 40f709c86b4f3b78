using ActivationGen.Emit;
using ActivationGen.Model;

namespace ActivationGen.Kernels;

/// <summary>LogSigmoid: f(x) = -softplus(-x) = min(x, 0) - log1p(e^-|x|), f'(x) = σ(-x) from the same e^-|x|.</summary>
internal sealed class LogSigmoid : Activation
{
    public static readonly LogSigmoid Instance = new();

    public override string Name => "LogSigmoid";

    public override string Summary =>
        """
        the log of the sigmoid: f(x) = ln σ(x) = -softplus(-x), computed as min(x, 0) - log1p(e^-|x|);
        with <see cref="Derivative"/>, f'(x) = σ(-x).
        """;

    public override string Describe(ActivationSpec spec) =>
        "LogSigmoid: f(x) = ln(σ(x)) = -ln(1 + e^-x), computed as min(x, 0) - log1p(e^-|x|); f'(x) = σ(-x) = 1 / (1 + e^x).";

    public override ElementType ComputeType(ActivationSpec spec, ElementType element) => element;

    protected override void WriteShared(CodeWriter writer, ActivationSpec spec, ElementType element, ElementType compute, Parts parts) =>
        writer.Line("var t = {M}.Exp(-{V}.Abs(x), 0); // e^-|x|, in [0, 1]");

    protected override void WriteValue(CodeWriter writer, ActivationSpec spec, ElementType element, ElementType compute)
    {
        writer.Line("var log1p = {M}.Log1pUnit(t);");
        writer.Line("var y = {V}.ConditionalSelect({V}.LessThan(x, {VD}.Zero), x - log1p, -log1p);");
    }

    protected override void WriteSlope(CodeWriter writer, ActivationSpec spec, ElementType element, ElementType compute) =>
        writer.Line("var dy = " + SigmoidFromExp("x", "t", negated: true) + ";");
}
