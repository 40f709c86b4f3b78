using ActivationGen.Emit;
using ActivationGen.Model;

namespace ActivationGen.Kernels;

/// <summary>Leaky ReLU: f(x) = x &gt; 0 ? x : s·x, f'(x) = x &gt; 0 ? 1 : s, with s = NegativeSlope (so f(±0) = s·(±0)).</summary>
internal sealed class LeakyReluKernel : Kernel
{
    public static readonly LeakyReluKernel Instance = new();

    public override string Describe(ActivationSpec spec)
    {
        var s = Literals.Readable(spec.NegativeSlope);
        return $"Leaky ReLU with NegativeSlope = {s}: f(x) = x for x &gt; 0, {s}·x otherwise; f'(x) = 1 for x &gt; 0, else {s}.";
    }

    /// <summary>
    /// One product, rounded once: no widening, unless NegativeSlope is no normal float (rounded to float it would lose
    /// its digits or become ∞, while s·x can still be a normal float); double lanes round s·x once and then to float.
    /// </summary>
    public override ElementType ComputeType(ActivationSpec spec, ElementType element) =>
        IsSingleNormal(spec.NegativeSlope) ? element : ElementType.Double;

    /// <summary>x ≤ 0 ? s·x : x, so NaN gives x itself.</summary>
    public override bool ForwardKeepsNaN(ActivationSpec spec) => true;

    public override void WriteForward(CodeWriter writer, ActivationSpec spec, ElementType element, ElementType compute)
    {
        if (spec.NegativeSlope == 0)
        {
            // s·x is a zero with the sign of x (times the sign of s) on the whole left half; x is kept finite so that
            // -∞ gives that zero too, not ∞·0 = NaN.
            var big = compute == ElementType.Double ? double.MaxValue : float.MaxValue;
            writer.Line($"var y = {{V}}.ConditionalSelect({{V}}.LessThanOrEqual(x, {{VD}}.Zero), {{V}}.Max(x, {Constant(-big, compute)}) * {Constant(spec.NegativeSlope, compute)}, x);");
            return;
        }

        // s rounded to float and the product rounded once: at most 1 ULP (a float pair for s would turn -∞ into NaN).
        writer.Line("var y = {V}.ConditionalSelect({V}.LessThanOrEqual(x, {VD}.Zero), x * " + Constant(spec.NegativeSlope, compute) + ", x);");
    }

    public override void WriteDerivative(CodeWriter writer, ActivationSpec spec, ElementType element, ElementType compute) =>
        writer.Line("var dy = " + Step("x", "{VD}.One", Constant(spec.NegativeSlope, compute)) + ";");

    /// <summary>With s &gt; 0 (the parser's rule), y has the sign of x.</summary>
    public override void WriteDerivativeFromOutput(CodeWriter writer, ActivationSpec spec, ElementType element, ElementType compute) =>
        writer.Line("var dy = " + Step("y", "{VD}.One", Constant(spec.NegativeSlope, compute)) + ";");
}
