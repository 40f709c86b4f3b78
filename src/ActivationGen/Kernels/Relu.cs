using ActivationGen.Emit;
using ActivationGen.Model;

namespace ActivationGen.Kernels;

/// <summary>ReLU: f(x) = max(0, x), f'(x) = x &gt; 0 ? 1 : 0 (+0 at ±0 in both).</summary>
internal sealed class Relu : Activation
{
    public static readonly Relu Instance = new();

    public override string Name => "Relu";

    public override string Summary =>
        """
        the rectified linear unit, f(x) = max(0, x);
        with <see cref="Derivative"/>, f'(x) = 1 for x &gt; 0, else 0 (so f'(0) = 0). NaN gives NaN.
        """;

    public override string Accuracy => "Exact.";

    public override string? FromOutputCondition => string.Empty;

    public override string Describe(ActivationSpec spec) =>
        "ReLU: f(x) = max(0, x); f'(x) = 1 for x &gt; 0, else 0 (f'(0) = 0). NaN gives NaN.";

    /// <summary>Exact in any type: no widening.</summary>
    public override ElementType ComputeType(ActivationSpec spec, ElementType element) => element;

    /// <summary>max(0, x) as x ≤ 0 ? +0 : x: -0 gives +0 (as the IEEE maximum), NaN gives x itself.</summary>
    public override bool ForwardKeepsNaN(ActivationSpec spec) => true;

    protected override void WriteValue(CodeWriter writer, ActivationSpec spec, ElementType element, ElementType compute) =>
        writer.Line("var y = {V}.ConditionalSelect({V}.LessThanOrEqual(x, {VD}.Zero), {VD}.Zero, x); // max(0, x); -0 gives +0");

    protected override void WriteSlope(CodeWriter writer, ActivationSpec spec, ElementType element, ElementType compute) =>
        writer.Line("var dy = " + Step("x", "{VD}.One", "{VD}.Zero") + ";");

    /// <summary>y &gt; 0 exactly when x &gt; 0.</summary>
    public override void WriteDerivativeFromOutput(CodeWriter writer, ActivationSpec spec, ElementType element, ElementType compute) =>
        writer.Line("var dy = " + Step("y", "{VD}.One", "{VD}.Zero") + ";");
}
