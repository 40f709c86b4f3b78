using System;

namespace ActivationGen.Benchmarks;

/// <summary>
/// <c>[SigmoidSum]</c> at Count 7, 1,000 and 10,000 (Count 100 is in Kernels.cs), float, offsets 0 to 10: the cost per
/// element should not grow with Count, the naive loop's grows linearly.
/// </summary>
internal static partial class Kernels
{
    // ---- [SigmoidSum(Count = 7)], float ----

    [SigmoidSum(Count = 7)]
    public static partial void SigmoidSum7Float(ReadOnlySpan<float> x, Span<float> destination);

    [SigmoidSum(Count = 7, Derivative = true)]
    public static partial void SigmoidSum7DerivativeFloat(ReadOnlySpan<float> x, Span<float> destination);

    [SigmoidSum(Count = 7)]
    public static partial void SigmoidSum7BackwardFloat(ReadOnlySpan<float> x, ReadOnlySpan<float> gradOutput, Span<float> gradInput);

    [SigmoidSum(Count = 7)]
    public static partial void SigmoidSum7FusedFloat(ReadOnlySpan<float> x, Span<float> destination, Span<float> derivative);

    [SigmoidSum(Count = 7)]
    public static partial float SigmoidSum7ScalarFloat(float x);

    [SigmoidSum(Count = 7, Derivative = true)]
    public static partial float SigmoidSum7DerivativeScalarFloat(float x);

    // ---- [SigmoidSum(Count = 1000)], float ----

    [SigmoidSum(Count = 1000)]
    public static partial void SigmoidSum1000Float(ReadOnlySpan<float> x, Span<float> destination);

    [SigmoidSum(Count = 1000, Derivative = true)]
    public static partial void SigmoidSum1000DerivativeFloat(ReadOnlySpan<float> x, Span<float> destination);

    [SigmoidSum(Count = 1000)]
    public static partial void SigmoidSum1000BackwardFloat(ReadOnlySpan<float> x, ReadOnlySpan<float> gradOutput, Span<float> gradInput);

    [SigmoidSum(Count = 1000)]
    public static partial void SigmoidSum1000FusedFloat(ReadOnlySpan<float> x, Span<float> destination, Span<float> derivative);

    [SigmoidSum(Count = 1000)]
    public static partial float SigmoidSum1000ScalarFloat(float x);

    [SigmoidSum(Count = 1000, Derivative = true)]
    public static partial float SigmoidSum1000DerivativeScalarFloat(float x);

    // ---- [SigmoidSum(Count = 10000)], float ----

    [SigmoidSum(Count = 10000)]
    public static partial void SigmoidSum10000Float(ReadOnlySpan<float> x, Span<float> destination);

    [SigmoidSum(Count = 10000, Derivative = true)]
    public static partial void SigmoidSum10000DerivativeFloat(ReadOnlySpan<float> x, Span<float> destination);

    [SigmoidSum(Count = 10000)]
    public static partial void SigmoidSum10000BackwardFloat(ReadOnlySpan<float> x, ReadOnlySpan<float> gradOutput, Span<float> gradInput);

    [SigmoidSum(Count = 10000)]
    public static partial void SigmoidSum10000FusedFloat(ReadOnlySpan<float> x, Span<float> destination, Span<float> derivative);

    [SigmoidSum(Count = 10000)]
    public static partial float SigmoidSum10000ScalarFloat(float x);

    [SigmoidSum(Count = 10000, Derivative = true)]
    public static partial float SigmoidSum10000DerivativeScalarFloat(float x);

}


public class SigmoidSum7Float() : SigmoidSumBenchmarks<float>(7, 0, 10, 1)
{
    public override string Attribute => "SigmoidSum(Count = 7)";

    public override float ReferenceF(float x) => Kernels.SigmoidSum7ScalarFloat(x);

    public override float ReferenceDerivative(float x) => Kernels.SigmoidSum7DerivativeScalarFloat(x);

    protected override void GeneratedF(ReadOnlySpan<float> x, Span<float> destination) => Kernels.SigmoidSum7Float(x, destination);

    protected override void GeneratedDerivative(ReadOnlySpan<float> x, Span<float> destination) => Kernels.SigmoidSum7DerivativeFloat(x, destination);

    protected override void GeneratedBackward(ReadOnlySpan<float> x, ReadOnlySpan<float> gradOutput, Span<float> gradInput) => Kernels.SigmoidSum7BackwardFloat(x, gradOutput, gradInput);

    protected override void GeneratedFused(ReadOnlySpan<float> x, Span<float> destination, Span<float> derivative) => Kernels.SigmoidSum7FusedFloat(x, destination, derivative);

    protected override void ScalarLoopF(ReadOnlySpan<float> x, Span<float> destination) => SeedLoops.SigmoidSum(x, destination, Offsets, (float)Scale);

    protected override void ScalarLoopDerivative(ReadOnlySpan<float> x, Span<float> destination) => SeedLoops.SigmoidSumDerivative(x, destination, Offsets, (float)Scale);

    protected override void ScalarLoopBackward(ReadOnlySpan<float> x, ReadOnlySpan<float> gradOutput, Span<float> gradInput) => SeedLoops.SigmoidSumBackward(x, gradOutput, gradInput, Offsets, (float)Scale);

    protected override void ScalarLoopFused(ReadOnlySpan<float> x, Span<float> destination, Span<float> derivative) => SeedLoops.SigmoidSumFused(x, destination, derivative, Offsets, (float)Scale);
}


public class SigmoidSum1000Float() : SigmoidSumBenchmarks<float>(1000, 0, 10, 1)
{
    public override string Attribute => "SigmoidSum(Count = 1000)";

    public override float ReferenceF(float x) => Kernels.SigmoidSum1000ScalarFloat(x);

    public override float ReferenceDerivative(float x) => Kernels.SigmoidSum1000DerivativeScalarFloat(x);

    protected override void GeneratedF(ReadOnlySpan<float> x, Span<float> destination) => Kernels.SigmoidSum1000Float(x, destination);

    protected override void GeneratedDerivative(ReadOnlySpan<float> x, Span<float> destination) => Kernels.SigmoidSum1000DerivativeFloat(x, destination);

    protected override void GeneratedBackward(ReadOnlySpan<float> x, ReadOnlySpan<float> gradOutput, Span<float> gradInput) => Kernels.SigmoidSum1000BackwardFloat(x, gradOutput, gradInput);

    protected override void GeneratedFused(ReadOnlySpan<float> x, Span<float> destination, Span<float> derivative) => Kernels.SigmoidSum1000FusedFloat(x, destination, derivative);

    protected override void ScalarLoopF(ReadOnlySpan<float> x, Span<float> destination) => SeedLoops.SigmoidSum(x, destination, Offsets, (float)Scale);

    protected override void ScalarLoopDerivative(ReadOnlySpan<float> x, Span<float> destination) => SeedLoops.SigmoidSumDerivative(x, destination, Offsets, (float)Scale);

    protected override void ScalarLoopBackward(ReadOnlySpan<float> x, ReadOnlySpan<float> gradOutput, Span<float> gradInput) => SeedLoops.SigmoidSumBackward(x, gradOutput, gradInput, Offsets, (float)Scale);

    protected override void ScalarLoopFused(ReadOnlySpan<float> x, Span<float> destination, Span<float> derivative) => SeedLoops.SigmoidSumFused(x, destination, derivative, Offsets, (float)Scale);
}


public class SigmoidSum10000Float() : SigmoidSumBenchmarks<float>(10000, 0, 10, 1)
{
    public override string Attribute => "SigmoidSum(Count = 10000)";

    public override float ReferenceF(float x) => Kernels.SigmoidSum10000ScalarFloat(x);

    public override float ReferenceDerivative(float x) => Kernels.SigmoidSum10000DerivativeScalarFloat(x);

    protected override void GeneratedF(ReadOnlySpan<float> x, Span<float> destination) => Kernels.SigmoidSum10000Float(x, destination);

    protected override void GeneratedDerivative(ReadOnlySpan<float> x, Span<float> destination) => Kernels.SigmoidSum10000DerivativeFloat(x, destination);

    protected override void GeneratedBackward(ReadOnlySpan<float> x, ReadOnlySpan<float> gradOutput, Span<float> gradInput) => Kernels.SigmoidSum10000BackwardFloat(x, gradOutput, gradInput);

    protected override void GeneratedFused(ReadOnlySpan<float> x, Span<float> destination, Span<float> derivative) => Kernels.SigmoidSum10000FusedFloat(x, destination, derivative);

    protected override void ScalarLoopF(ReadOnlySpan<float> x, Span<float> destination) => SeedLoops.SigmoidSum(x, destination, Offsets, (float)Scale);

    protected override void ScalarLoopDerivative(ReadOnlySpan<float> x, Span<float> destination) => SeedLoops.SigmoidSumDerivative(x, destination, Offsets, (float)Scale);

    protected override void ScalarLoopBackward(ReadOnlySpan<float> x, ReadOnlySpan<float> gradOutput, Span<float> gradInput) => SeedLoops.SigmoidSumBackward(x, gradOutput, gradInput, Offsets, (float)Scale);

    protected override void ScalarLoopFused(ReadOnlySpan<float> x, Span<float> destination, Span<float> derivative) => SeedLoops.SigmoidSumFused(x, destination, derivative, Offsets, (float)Scale);
}
