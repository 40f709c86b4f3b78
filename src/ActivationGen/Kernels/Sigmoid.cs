using System.Collections.Immutable;
using ActivationGen.Emit;
using ActivationGen.Model;

namespace ActivationGen.Kernels;

/// <summary>
/// Sigmoid with an offset: z = x - Offset kept exact as a double-double, t = e^-|z|, s = σ(-|z|) = t / (1 + t) ≤ 1/2,
/// then f = (z ≥ 0 ? 1 - s : s) and f' = σ(z)·σ(-z) = s - s² (one fused multiply-add), with no overflow and no
/// cancellation anywhere (1 - s ≥ 1/2, s - s² ≥ s/2). f and f' share t and the one division.
/// </summary>
internal sealed class Sigmoid : Activation
{
    private static readonly Parameter Offset = Parameter.Double(
        "Offset", 0, "The x at which the sigmoid is 1/2", AcceptedRange.AnyFinite("x - Offset is kept exact as a pair of doubles"));

    public static readonly Sigmoid Instance = new();

    public override string Name => "Sigmoid";

    public override string Summary =>
        """
        the logistic sigmoid with an offset:
        f(x) = 1 / (1 + e^-(x - Offset)); with <see cref="Derivative"/>, f'(x) = f(x)·(1 - f(x)), computed as σ(z)·σ(-z) without cancellation.
        """;

    public override ImmutableArray<Parameter> Parameters { get; } = ImmutableArray.Create(Offset);

    public override string? FromOutputCondition => string.Empty;

    public override string Describe(ActivationSpec spec)
    {
        var z = spec[Offset] == 0 ? "x"
            : spec[Offset] > 0 ? "(x - " + Literals.Readable(spec[Offset]) + ")"
            : "(x + " + Literals.Readable(-spec[Offset]) + ")";
        return $"Sigmoid with Offset = {Literals.Readable(spec[Offset])}: f(x) = 1 / (1 + e^-{z}); "
            + $"f'(x) = f(x)·(1 - f(x)), computed as s - s² with s = e^-|z| / (1 + e^-|z|), z = {z}.";
    }

    /// <summary>Float lanes stay float when the offset is exactly a float (then x - Offset is exact as a float pair).</summary>
    public override ElementType ComputeType(ActivationSpec spec, ElementType element) =>
        element == ElementType.Single && IsSingleExact(spec[Offset]) ? ElementType.Single : ElementType.Double;

    /// <summary>f' = y·(1 - y) for y = σ(x - Offset), whatever the Offset (1 - y is exact for y ≥ 1/2).</summary>
    public override void WriteDerivativeFromOutput(CodeWriter writer, ActivationSpec spec, ElementType element, ElementType compute) =>
        writer.Line("var dy = y * ({VD}.One - y);");

    // Comparisons are written where their result is used: a mask kept alive across the exponential makes the JIT's
    // AVX-512 code several times slower. Results below the smallest normal may be off by up to it (API.md), so t comes
    // from the exponential that flushes there (one clamp, one scaling).
    protected override void WriteShared(CodeWriter writer, ActivationSpec spec, ElementType element, ElementType compute, Parts parts)
    {
        if (spec[Offset] == 0)
        {
            writer.Line("var z = x;");
            writer.Line("var t = {M}.ExpMinusAbs(z); // e^-|x|, in [0, 1]");
        }
        else
        {
            writer.Line("var z = {M}.Subtract(x, " + Literals.Of(spec[Offset], compute) + ", " + Literals.Of(0, compute) + ", out var zLow); // z + zLow = x - Offset exactly");
            writer.Line("var t = {M}.ExpMinusAbs(z, zLow); // e^-|x - Offset|, in [0, 1]");
        }

        writer.Line("var s = {M}.DivideByOnePlus(t, t); // σ(-|z|), in [0, 1/2]");
    }

    protected override void WriteValue(CodeWriter writer, ActivationSpec spec, ElementType element, ElementType compute) =>
        writer.Line("var y = {V}.ConditionalSelect({V}.GreaterThanOrEqual(z, {VD}.Zero), {VD}.One - s, s);");

    protected override void WriteSlope(CodeWriter writer, ActivationSpec spec, ElementType element, ElementType compute) =>
        writer.Line("var dy = {V}.FusedMultiplyAdd(-s, s, s); // σ(z)·σ(-z) = s·(1 - s), rounded once");
}
