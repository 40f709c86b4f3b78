using System;

namespace ActivationGen.Benchmarks;

// One benchmark class per (activation, element type): the generated kernels of Kernels.cs and the seed's loops of
// SeedLoops.cs; the TensorPrimitives compositions come from the generic base of each activation.

public class SigmoidFloat() : SigmoidBenchmarks<float>(0)
{
    public override string Attribute => "Sigmoid";

    public override float ReferenceF(float x) => Kernels.SigmoidScalarFloat(x);

    public override float ReferenceDerivative(float x) => Kernels.SigmoidDerivativeScalarFloat(x);

    protected override void GeneratedF(ReadOnlySpan<float> x, Span<float> destination) => Kernels.SigmoidFloat(x, destination);

    protected override void GeneratedDerivative(ReadOnlySpan<float> x, Span<float> destination) => Kernels.SigmoidDerivativeFloat(x, destination);

    protected override void GeneratedBackward(ReadOnlySpan<float> x, ReadOnlySpan<float> gradOutput, Span<float> gradInput) => Kernels.SigmoidBackwardFloat(x, gradOutput, gradInput);

    protected override void GeneratedFused(ReadOnlySpan<float> x, Span<float> destination, Span<float> derivative) => Kernels.SigmoidFusedFloat(x, destination, derivative);

    protected override void ScalarLoopF(ReadOnlySpan<float> x, Span<float> destination) => SeedLoops.Sigmoid(x, destination, 0f);

    protected override void ScalarLoopDerivative(ReadOnlySpan<float> x, Span<float> destination) => SeedLoops.SigmoidDerivative(x, destination, 0f);

    protected override void ScalarLoopBackward(ReadOnlySpan<float> x, ReadOnlySpan<float> gradOutput, Span<float> gradInput) => SeedLoops.SigmoidBackward(x, gradOutput, gradInput, 0f);

    protected override void ScalarLoopFused(ReadOnlySpan<float> x, Span<float> destination, Span<float> derivative) => SeedLoops.SigmoidFused(x, destination, derivative, 0f);
}

public class SigmoidDouble() : SigmoidBenchmarks<double>(0)
{
    public override string Attribute => "Sigmoid";

    public override double ReferenceF(double x) => Kernels.SigmoidScalarDouble(x);

    public override double ReferenceDerivative(double x) => Kernels.SigmoidDerivativeScalarDouble(x);

    protected override void GeneratedF(ReadOnlySpan<double> x, Span<double> destination) => Kernels.SigmoidDouble(x, destination);

    protected override void GeneratedDerivative(ReadOnlySpan<double> x, Span<double> destination) => Kernels.SigmoidDerivativeDouble(x, destination);

    protected override void GeneratedBackward(ReadOnlySpan<double> x, ReadOnlySpan<double> gradOutput, Span<double> gradInput) => Kernels.SigmoidBackwardDouble(x, gradOutput, gradInput);

    protected override void GeneratedFused(ReadOnlySpan<double> x, Span<double> destination, Span<double> derivative) => Kernels.SigmoidFusedDouble(x, destination, derivative);

    protected override void ScalarLoopF(ReadOnlySpan<double> x, Span<double> destination) => SeedLoops.Sigmoid(x, destination, 0d);

    protected override void ScalarLoopDerivative(ReadOnlySpan<double> x, Span<double> destination) => SeedLoops.SigmoidDerivative(x, destination, 0d);

    protected override void ScalarLoopBackward(ReadOnlySpan<double> x, ReadOnlySpan<double> gradOutput, Span<double> gradInput) => SeedLoops.SigmoidBackward(x, gradOutput, gradInput, 0d);

    protected override void ScalarLoopFused(ReadOnlySpan<double> x, Span<double> destination, Span<double> derivative) => SeedLoops.SigmoidFused(x, destination, derivative, 0d);
}

public class SigmoidOffset2Float() : SigmoidBenchmarks<float>(2)
{
    public override string Attribute => "Sigmoid(Offset = 2)";

    public override float ReferenceF(float x) => Kernels.SigmoidOffset2ScalarFloat(x);

    public override float ReferenceDerivative(float x) => Kernels.SigmoidOffset2DerivativeScalarFloat(x);

    protected override void GeneratedF(ReadOnlySpan<float> x, Span<float> destination) => Kernels.SigmoidOffset2Float(x, destination);

    protected override void GeneratedDerivative(ReadOnlySpan<float> x, Span<float> destination) => Kernels.SigmoidOffset2DerivativeFloat(x, destination);

    protected override void GeneratedBackward(ReadOnlySpan<float> x, ReadOnlySpan<float> gradOutput, Span<float> gradInput) => Kernels.SigmoidOffset2BackwardFloat(x, gradOutput, gradInput);

    protected override void GeneratedFused(ReadOnlySpan<float> x, Span<float> destination, Span<float> derivative) => Kernels.SigmoidOffset2FusedFloat(x, destination, derivative);

    protected override void ScalarLoopF(ReadOnlySpan<float> x, Span<float> destination) => SeedLoops.Sigmoid(x, destination, 2f);

    protected override void ScalarLoopDerivative(ReadOnlySpan<float> x, Span<float> destination) => SeedLoops.SigmoidDerivative(x, destination, 2f);

    protected override void ScalarLoopBackward(ReadOnlySpan<float> x, ReadOnlySpan<float> gradOutput, Span<float> gradInput) => SeedLoops.SigmoidBackward(x, gradOutput, gradInput, 2f);

    protected override void ScalarLoopFused(ReadOnlySpan<float> x, Span<float> destination, Span<float> derivative) => SeedLoops.SigmoidFused(x, destination, derivative, 2f);
}

public class SigmoidOffset2Double() : SigmoidBenchmarks<double>(2)
{
    public override string Attribute => "Sigmoid(Offset = 2)";

    public override double ReferenceF(double x) => Kernels.SigmoidOffset2ScalarDouble(x);

    public override double ReferenceDerivative(double x) => Kernels.SigmoidOffset2DerivativeScalarDouble(x);

    protected override void GeneratedF(ReadOnlySpan<double> x, Span<double> destination) => Kernels.SigmoidOffset2Double(x, destination);

    protected override void GeneratedDerivative(ReadOnlySpan<double> x, Span<double> destination) => Kernels.SigmoidOffset2DerivativeDouble(x, destination);

    protected override void GeneratedBackward(ReadOnlySpan<double> x, ReadOnlySpan<double> gradOutput, Span<double> gradInput) => Kernels.SigmoidOffset2BackwardDouble(x, gradOutput, gradInput);

    protected override void GeneratedFused(ReadOnlySpan<double> x, Span<double> destination, Span<double> derivative) => Kernels.SigmoidOffset2FusedDouble(x, destination, derivative);

    protected override void ScalarLoopF(ReadOnlySpan<double> x, Span<double> destination) => SeedLoops.Sigmoid(x, destination, 2d);

    protected override void ScalarLoopDerivative(ReadOnlySpan<double> x, Span<double> destination) => SeedLoops.SigmoidDerivative(x, destination, 2d);

    protected override void ScalarLoopBackward(ReadOnlySpan<double> x, ReadOnlySpan<double> gradOutput, Span<double> gradInput) => SeedLoops.SigmoidBackward(x, gradOutput, gradInput, 2d);

    protected override void ScalarLoopFused(ReadOnlySpan<double> x, Span<double> destination, Span<double> derivative) => SeedLoops.SigmoidFused(x, destination, derivative, 2d);
}

public class SigmoidSum100Float() : SigmoidSumBenchmarks<float>(100, 0, 10, 1)
{
    public override string Attribute => "SigmoidSum(Count = 100)";

    public override float ReferenceF(float x) => Kernels.SigmoidSum100ScalarFloat(x);

    public override float ReferenceDerivative(float x) => Kernels.SigmoidSum100DerivativeScalarFloat(x);

    protected override void GeneratedF(ReadOnlySpan<float> x, Span<float> destination) => Kernels.SigmoidSum100Float(x, destination);

    protected override void GeneratedDerivative(ReadOnlySpan<float> x, Span<float> destination) => Kernels.SigmoidSum100DerivativeFloat(x, destination);

    protected override void GeneratedBackward(ReadOnlySpan<float> x, ReadOnlySpan<float> gradOutput, Span<float> gradInput) => Kernels.SigmoidSum100BackwardFloat(x, gradOutput, gradInput);

    protected override void GeneratedFused(ReadOnlySpan<float> x, Span<float> destination, Span<float> derivative) => Kernels.SigmoidSum100FusedFloat(x, destination, derivative);

    protected override void ScalarLoopF(ReadOnlySpan<float> x, Span<float> destination) => SeedLoops.SigmoidSum(x, destination, Offsets, (float)Scale);

    protected override void ScalarLoopDerivative(ReadOnlySpan<float> x, Span<float> destination) => SeedLoops.SigmoidSumDerivative(x, destination, Offsets, (float)Scale);

    protected override void ScalarLoopBackward(ReadOnlySpan<float> x, ReadOnlySpan<float> gradOutput, Span<float> gradInput) => SeedLoops.SigmoidSumBackward(x, gradOutput, gradInput, Offsets, (float)Scale);

    protected override void ScalarLoopFused(ReadOnlySpan<float> x, Span<float> destination, Span<float> derivative) => SeedLoops.SigmoidSumFused(x, destination, derivative, Offsets, (float)Scale);
}

public class SigmoidSum100Double() : SigmoidSumBenchmarks<double>(100, 0, 10, 1)
{
    public override string Attribute => "SigmoidSum(Count = 100)";

    public override double ReferenceF(double x) => Kernels.SigmoidSum100ScalarDouble(x);

    public override double ReferenceDerivative(double x) => Kernels.SigmoidSum100DerivativeScalarDouble(x);

    protected override void GeneratedF(ReadOnlySpan<double> x, Span<double> destination) => Kernels.SigmoidSum100Double(x, destination);

    protected override void GeneratedDerivative(ReadOnlySpan<double> x, Span<double> destination) => Kernels.SigmoidSum100DerivativeDouble(x, destination);

    protected override void GeneratedBackward(ReadOnlySpan<double> x, ReadOnlySpan<double> gradOutput, Span<double> gradInput) => Kernels.SigmoidSum100BackwardDouble(x, gradOutput, gradInput);

    protected override void GeneratedFused(ReadOnlySpan<double> x, Span<double> destination, Span<double> derivative) => Kernels.SigmoidSum100FusedDouble(x, destination, derivative);

    protected override void ScalarLoopF(ReadOnlySpan<double> x, Span<double> destination) => SeedLoops.SigmoidSum(x, destination, Offsets, (double)Scale);

    protected override void ScalarLoopDerivative(ReadOnlySpan<double> x, Span<double> destination) => SeedLoops.SigmoidSumDerivative(x, destination, Offsets, (double)Scale);

    protected override void ScalarLoopBackward(ReadOnlySpan<double> x, ReadOnlySpan<double> gradOutput, Span<double> gradInput) => SeedLoops.SigmoidSumBackward(x, gradOutput, gradInput, Offsets, (double)Scale);

    protected override void ScalarLoopFused(ReadOnlySpan<double> x, Span<double> destination, Span<double> derivative) => SeedLoops.SigmoidSumFused(x, destination, derivative, Offsets, (double)Scale);
}

public class SigmoidSumBlogFloat() : SigmoidSumBenchmarks<float>(100, 0, 9.8, 0.1)
{
    public override string Attribute => "SigmoidSum(Count = 100, From = 0, To = 9.8, Scale = 0.1)";

    public override float ReferenceF(float x) => Kernels.SigmoidSumBlogScalarFloat(x);

    public override float ReferenceDerivative(float x) => Kernels.SigmoidSumBlogDerivativeScalarFloat(x);

    protected override void GeneratedF(ReadOnlySpan<float> x, Span<float> destination) => Kernels.SigmoidSumBlogFloat(x, destination);

    protected override void GeneratedDerivative(ReadOnlySpan<float> x, Span<float> destination) => Kernels.SigmoidSumBlogDerivativeFloat(x, destination);

    protected override void GeneratedBackward(ReadOnlySpan<float> x, ReadOnlySpan<float> gradOutput, Span<float> gradInput) => Kernels.SigmoidSumBlogBackwardFloat(x, gradOutput, gradInput);

    protected override void GeneratedFused(ReadOnlySpan<float> x, Span<float> destination, Span<float> derivative) => Kernels.SigmoidSumBlogFusedFloat(x, destination, derivative);

    protected override void ScalarLoopF(ReadOnlySpan<float> x, Span<float> destination) => SeedLoops.SigmoidSum(x, destination, Offsets, (float)Scale);

    protected override void ScalarLoopDerivative(ReadOnlySpan<float> x, Span<float> destination) => SeedLoops.SigmoidSumDerivative(x, destination, Offsets, (float)Scale);

    protected override void ScalarLoopBackward(ReadOnlySpan<float> x, ReadOnlySpan<float> gradOutput, Span<float> gradInput) => SeedLoops.SigmoidSumBackward(x, gradOutput, gradInput, Offsets, (float)Scale);

    protected override void ScalarLoopFused(ReadOnlySpan<float> x, Span<float> destination, Span<float> derivative) => SeedLoops.SigmoidSumFused(x, destination, derivative, Offsets, (float)Scale);
}

public class SigmoidSumBlogDouble() : SigmoidSumBenchmarks<double>(100, 0, 9.8, 0.1)
{
    public override string Attribute => "SigmoidSum(Count = 100, From = 0, To = 9.8, Scale = 0.1)";

    public override double ReferenceF(double x) => Kernels.SigmoidSumBlogScalarDouble(x);

    public override double ReferenceDerivative(double x) => Kernels.SigmoidSumBlogDerivativeScalarDouble(x);

    protected override void GeneratedF(ReadOnlySpan<double> x, Span<double> destination) => Kernels.SigmoidSumBlogDouble(x, destination);

    protected override void GeneratedDerivative(ReadOnlySpan<double> x, Span<double> destination) => Kernels.SigmoidSumBlogDerivativeDouble(x, destination);

    protected override void GeneratedBackward(ReadOnlySpan<double> x, ReadOnlySpan<double> gradOutput, Span<double> gradInput) => Kernels.SigmoidSumBlogBackwardDouble(x, gradOutput, gradInput);

    protected override void GeneratedFused(ReadOnlySpan<double> x, Span<double> destination, Span<double> derivative) => Kernels.SigmoidSumBlogFusedDouble(x, destination, derivative);

    protected override void ScalarLoopF(ReadOnlySpan<double> x, Span<double> destination) => SeedLoops.SigmoidSum(x, destination, Offsets, (double)Scale);

    protected override void ScalarLoopDerivative(ReadOnlySpan<double> x, Span<double> destination) => SeedLoops.SigmoidSumDerivative(x, destination, Offsets, (double)Scale);

    protected override void ScalarLoopBackward(ReadOnlySpan<double> x, ReadOnlySpan<double> gradOutput, Span<double> gradInput) => SeedLoops.SigmoidSumBackward(x, gradOutput, gradInput, Offsets, (double)Scale);

    protected override void ScalarLoopFused(ReadOnlySpan<double> x, Span<double> destination, Span<double> derivative) => SeedLoops.SigmoidSumFused(x, destination, derivative, Offsets, (double)Scale);
}

public class SoftplusFloat() : SoftplusBenchmarks<float>
{
    public override string Attribute => "Softplus";

    public override float ReferenceF(float x) => Kernels.SoftplusScalarFloat(x);

    public override float ReferenceDerivative(float x) => Kernels.SoftplusDerivativeScalarFloat(x);

    protected override void GeneratedF(ReadOnlySpan<float> x, Span<float> destination) => Kernels.SoftplusFloat(x, destination);

    protected override void GeneratedDerivative(ReadOnlySpan<float> x, Span<float> destination) => Kernels.SoftplusDerivativeFloat(x, destination);

    protected override void GeneratedBackward(ReadOnlySpan<float> x, ReadOnlySpan<float> gradOutput, Span<float> gradInput) => Kernels.SoftplusBackwardFloat(x, gradOutput, gradInput);

    protected override void GeneratedFused(ReadOnlySpan<float> x, Span<float> destination, Span<float> derivative) => Kernels.SoftplusFusedFloat(x, destination, derivative);

    protected override void ScalarLoopF(ReadOnlySpan<float> x, Span<float> destination) => SeedLoops.Softplus(x, destination);

    protected override void ScalarLoopDerivative(ReadOnlySpan<float> x, Span<float> destination) => SeedLoops.SoftplusDerivative(x, destination);

    protected override void ScalarLoopBackward(ReadOnlySpan<float> x, ReadOnlySpan<float> gradOutput, Span<float> gradInput) => SeedLoops.SoftplusBackward(x, gradOutput, gradInput);

    protected override void ScalarLoopFused(ReadOnlySpan<float> x, Span<float> destination, Span<float> derivative) => SeedLoops.SoftplusFused(x, destination, derivative);
}

public class SoftplusDouble() : SoftplusBenchmarks<double>
{
    public override string Attribute => "Softplus";

    public override double ReferenceF(double x) => Kernels.SoftplusScalarDouble(x);

    public override double ReferenceDerivative(double x) => Kernels.SoftplusDerivativeScalarDouble(x);

    protected override void GeneratedF(ReadOnlySpan<double> x, Span<double> destination) => Kernels.SoftplusDouble(x, destination);

    protected override void GeneratedDerivative(ReadOnlySpan<double> x, Span<double> destination) => Kernels.SoftplusDerivativeDouble(x, destination);

    protected override void GeneratedBackward(ReadOnlySpan<double> x, ReadOnlySpan<double> gradOutput, Span<double> gradInput) => Kernels.SoftplusBackwardDouble(x, gradOutput, gradInput);

    protected override void GeneratedFused(ReadOnlySpan<double> x, Span<double> destination, Span<double> derivative) => Kernels.SoftplusFusedDouble(x, destination, derivative);

    protected override void ScalarLoopF(ReadOnlySpan<double> x, Span<double> destination) => SeedLoops.Softplus(x, destination);

    protected override void ScalarLoopDerivative(ReadOnlySpan<double> x, Span<double> destination) => SeedLoops.SoftplusDerivative(x, destination);

    protected override void ScalarLoopBackward(ReadOnlySpan<double> x, ReadOnlySpan<double> gradOutput, Span<double> gradInput) => SeedLoops.SoftplusBackward(x, gradOutput, gradInput);

    protected override void ScalarLoopFused(ReadOnlySpan<double> x, Span<double> destination, Span<double> derivative) => SeedLoops.SoftplusFused(x, destination, derivative);
}

public class ReluFloat() : ReluBenchmarks<float>
{
    public override string Attribute => "Relu";

    public override float ReferenceF(float x) => Kernels.ReluScalarFloat(x);

    public override float ReferenceDerivative(float x) => Kernels.ReluDerivativeScalarFloat(x);

    protected override void GeneratedF(ReadOnlySpan<float> x, Span<float> destination) => Kernels.ReluFloat(x, destination);

    protected override void GeneratedDerivative(ReadOnlySpan<float> x, Span<float> destination) => Kernels.ReluDerivativeFloat(x, destination);

    protected override void GeneratedBackward(ReadOnlySpan<float> x, ReadOnlySpan<float> gradOutput, Span<float> gradInput) => Kernels.ReluBackwardFloat(x, gradOutput, gradInput);

    protected override void GeneratedFused(ReadOnlySpan<float> x, Span<float> destination, Span<float> derivative) => Kernels.ReluFusedFloat(x, destination, derivative);

    protected override void ScalarLoopF(ReadOnlySpan<float> x, Span<float> destination) => SeedLoops.Relu(x, destination);

    protected override void ScalarLoopDerivative(ReadOnlySpan<float> x, Span<float> destination) => SeedLoops.ReluDerivative(x, destination);

    protected override void ScalarLoopBackward(ReadOnlySpan<float> x, ReadOnlySpan<float> gradOutput, Span<float> gradInput) => SeedLoops.ReluBackward(x, gradOutput, gradInput);

    protected override void ScalarLoopFused(ReadOnlySpan<float> x, Span<float> destination, Span<float> derivative) => SeedLoops.ReluFused(x, destination, derivative);
}

public class ReluDouble() : ReluBenchmarks<double>
{
    public override string Attribute => "Relu";

    public override double ReferenceF(double x) => Kernels.ReluScalarDouble(x);

    public override double ReferenceDerivative(double x) => Kernels.ReluDerivativeScalarDouble(x);

    protected override void GeneratedF(ReadOnlySpan<double> x, Span<double> destination) => Kernels.ReluDouble(x, destination);

    protected override void GeneratedDerivative(ReadOnlySpan<double> x, Span<double> destination) => Kernels.ReluDerivativeDouble(x, destination);

    protected override void GeneratedBackward(ReadOnlySpan<double> x, ReadOnlySpan<double> gradOutput, Span<double> gradInput) => Kernels.ReluBackwardDouble(x, gradOutput, gradInput);

    protected override void GeneratedFused(ReadOnlySpan<double> x, Span<double> destination, Span<double> derivative) => Kernels.ReluFusedDouble(x, destination, derivative);

    protected override void ScalarLoopF(ReadOnlySpan<double> x, Span<double> destination) => SeedLoops.Relu(x, destination);

    protected override void ScalarLoopDerivative(ReadOnlySpan<double> x, Span<double> destination) => SeedLoops.ReluDerivative(x, destination);

    protected override void ScalarLoopBackward(ReadOnlySpan<double> x, ReadOnlySpan<double> gradOutput, Span<double> gradInput) => SeedLoops.ReluBackward(x, gradOutput, gradInput);

    protected override void ScalarLoopFused(ReadOnlySpan<double> x, Span<double> destination, Span<double> derivative) => SeedLoops.ReluFused(x, destination, derivative);
}

public class Elu1Float() : EluBenchmarks<float>(1)
{
    public override string Attribute => "Elu(Alpha = 1)";

    public override float ReferenceF(float x) => Kernels.Elu1ScalarFloat(x);

    public override float ReferenceDerivative(float x) => Kernels.Elu1DerivativeScalarFloat(x);

    protected override void GeneratedF(ReadOnlySpan<float> x, Span<float> destination) => Kernels.Elu1Float(x, destination);

    protected override void GeneratedDerivative(ReadOnlySpan<float> x, Span<float> destination) => Kernels.Elu1DerivativeFloat(x, destination);

    protected override void GeneratedBackward(ReadOnlySpan<float> x, ReadOnlySpan<float> gradOutput, Span<float> gradInput) => Kernels.Elu1BackwardFloat(x, gradOutput, gradInput);

    protected override void GeneratedFused(ReadOnlySpan<float> x, Span<float> destination, Span<float> derivative) => Kernels.Elu1FusedFloat(x, destination, derivative);

    protected override void ScalarLoopF(ReadOnlySpan<float> x, Span<float> destination) => SeedLoops.Elu(x, destination, 1f);

    protected override void ScalarLoopDerivative(ReadOnlySpan<float> x, Span<float> destination) => SeedLoops.EluDerivative(x, destination, 1f);

    protected override void ScalarLoopBackward(ReadOnlySpan<float> x, ReadOnlySpan<float> gradOutput, Span<float> gradInput) => SeedLoops.EluBackward(x, gradOutput, gradInput, 1f);

    protected override void ScalarLoopFused(ReadOnlySpan<float> x, Span<float> destination, Span<float> derivative) => SeedLoops.EluFused(x, destination, derivative, 1f);
}

public class Elu1Double() : EluBenchmarks<double>(1)
{
    public override string Attribute => "Elu(Alpha = 1)";

    public override double ReferenceF(double x) => Kernels.Elu1ScalarDouble(x);

    public override double ReferenceDerivative(double x) => Kernels.Elu1DerivativeScalarDouble(x);

    protected override void GeneratedF(ReadOnlySpan<double> x, Span<double> destination) => Kernels.Elu1Double(x, destination);

    protected override void GeneratedDerivative(ReadOnlySpan<double> x, Span<double> destination) => Kernels.Elu1DerivativeDouble(x, destination);

    protected override void GeneratedBackward(ReadOnlySpan<double> x, ReadOnlySpan<double> gradOutput, Span<double> gradInput) => Kernels.Elu1BackwardDouble(x, gradOutput, gradInput);

    protected override void GeneratedFused(ReadOnlySpan<double> x, Span<double> destination, Span<double> derivative) => Kernels.Elu1FusedDouble(x, destination, derivative);

    protected override void ScalarLoopF(ReadOnlySpan<double> x, Span<double> destination) => SeedLoops.Elu(x, destination, 1d);

    protected override void ScalarLoopDerivative(ReadOnlySpan<double> x, Span<double> destination) => SeedLoops.EluDerivative(x, destination, 1d);

    protected override void ScalarLoopBackward(ReadOnlySpan<double> x, ReadOnlySpan<double> gradOutput, Span<double> gradInput) => SeedLoops.EluBackward(x, gradOutput, gradInput, 1d);

    protected override void ScalarLoopFused(ReadOnlySpan<double> x, Span<double> destination, Span<double> derivative) => SeedLoops.EluFused(x, destination, derivative, 1d);
}

public class Elu05Float() : EluBenchmarks<float>(0.5)
{
    public override string Attribute => "Elu(Alpha = 0.5)";

    public override float ReferenceF(float x) => Kernels.Elu05ScalarFloat(x);

    public override float ReferenceDerivative(float x) => Kernels.Elu05DerivativeScalarFloat(x);

    protected override void GeneratedF(ReadOnlySpan<float> x, Span<float> destination) => Kernels.Elu05Float(x, destination);

    protected override void GeneratedDerivative(ReadOnlySpan<float> x, Span<float> destination) => Kernels.Elu05DerivativeFloat(x, destination);

    protected override void GeneratedBackward(ReadOnlySpan<float> x, ReadOnlySpan<float> gradOutput, Span<float> gradInput) => Kernels.Elu05BackwardFloat(x, gradOutput, gradInput);

    protected override void GeneratedFused(ReadOnlySpan<float> x, Span<float> destination, Span<float> derivative) => Kernels.Elu05FusedFloat(x, destination, derivative);

    protected override void ScalarLoopF(ReadOnlySpan<float> x, Span<float> destination) => SeedLoops.Elu(x, destination, 0.5f);

    protected override void ScalarLoopDerivative(ReadOnlySpan<float> x, Span<float> destination) => SeedLoops.EluDerivative(x, destination, 0.5f);

    protected override void ScalarLoopBackward(ReadOnlySpan<float> x, ReadOnlySpan<float> gradOutput, Span<float> gradInput) => SeedLoops.EluBackward(x, gradOutput, gradInput, 0.5f);

    protected override void ScalarLoopFused(ReadOnlySpan<float> x, Span<float> destination, Span<float> derivative) => SeedLoops.EluFused(x, destination, derivative, 0.5f);
}

public class Elu05Double() : EluBenchmarks<double>(0.5)
{
    public override string Attribute => "Elu(Alpha = 0.5)";

    public override double ReferenceF(double x) => Kernels.Elu05ScalarDouble(x);

    public override double ReferenceDerivative(double x) => Kernels.Elu05DerivativeScalarDouble(x);

    protected override void GeneratedF(ReadOnlySpan<double> x, Span<double> destination) => Kernels.Elu05Double(x, destination);

    protected override void GeneratedDerivative(ReadOnlySpan<double> x, Span<double> destination) => Kernels.Elu05DerivativeDouble(x, destination);

    protected override void GeneratedBackward(ReadOnlySpan<double> x, ReadOnlySpan<double> gradOutput, Span<double> gradInput) => Kernels.Elu05BackwardDouble(x, gradOutput, gradInput);

    protected override void GeneratedFused(ReadOnlySpan<double> x, Span<double> destination, Span<double> derivative) => Kernels.Elu05FusedDouble(x, destination, derivative);

    protected override void ScalarLoopF(ReadOnlySpan<double> x, Span<double> destination) => SeedLoops.Elu(x, destination, 0.5d);

    protected override void ScalarLoopDerivative(ReadOnlySpan<double> x, Span<double> destination) => SeedLoops.EluDerivative(x, destination, 0.5d);

    protected override void ScalarLoopBackward(ReadOnlySpan<double> x, ReadOnlySpan<double> gradOutput, Span<double> gradInput) => SeedLoops.EluBackward(x, gradOutput, gradInput, 0.5d);

    protected override void ScalarLoopFused(ReadOnlySpan<double> x, Span<double> destination, Span<double> derivative) => SeedLoops.EluFused(x, destination, derivative, 0.5d);
}

public class TanhFloat() : TanhBenchmarks<float>
{
    public override string Attribute => "Tanh";

    public override float ReferenceF(float x) => Kernels.TanhScalarFloat(x);

    public override float ReferenceDerivative(float x) => Kernels.TanhDerivativeScalarFloat(x);

    protected override void GeneratedF(ReadOnlySpan<float> x, Span<float> destination) => Kernels.TanhFloat(x, destination);

    protected override void GeneratedDerivative(ReadOnlySpan<float> x, Span<float> destination) => Kernels.TanhDerivativeFloat(x, destination);

    protected override void GeneratedBackward(ReadOnlySpan<float> x, ReadOnlySpan<float> gradOutput, Span<float> gradInput) => Kernels.TanhBackwardFloat(x, gradOutput, gradInput);

    protected override void GeneratedFused(ReadOnlySpan<float> x, Span<float> destination, Span<float> derivative) => Kernels.TanhFusedFloat(x, destination, derivative);

    protected override void ScalarLoopF(ReadOnlySpan<float> x, Span<float> destination) => SeedLoops.Tanh(x, destination);

    protected override void ScalarLoopDerivative(ReadOnlySpan<float> x, Span<float> destination) => SeedLoops.TanhDerivative(x, destination);

    protected override void ScalarLoopBackward(ReadOnlySpan<float> x, ReadOnlySpan<float> gradOutput, Span<float> gradInput) => SeedLoops.TanhBackward(x, gradOutput, gradInput);

    protected override void ScalarLoopFused(ReadOnlySpan<float> x, Span<float> destination, Span<float> derivative) => SeedLoops.TanhFused(x, destination, derivative);
}

public class TanhDouble() : TanhBenchmarks<double>
{
    public override string Attribute => "Tanh";

    public override double ReferenceF(double x) => Kernels.TanhScalarDouble(x);

    public override double ReferenceDerivative(double x) => Kernels.TanhDerivativeScalarDouble(x);

    protected override void GeneratedF(ReadOnlySpan<double> x, Span<double> destination) => Kernels.TanhDouble(x, destination);

    protected override void GeneratedDerivative(ReadOnlySpan<double> x, Span<double> destination) => Kernels.TanhDerivativeDouble(x, destination);

    protected override void GeneratedBackward(ReadOnlySpan<double> x, ReadOnlySpan<double> gradOutput, Span<double> gradInput) => Kernels.TanhBackwardDouble(x, gradOutput, gradInput);

    protected override void GeneratedFused(ReadOnlySpan<double> x, Span<double> destination, Span<double> derivative) => Kernels.TanhFusedDouble(x, destination, derivative);

    protected override void ScalarLoopF(ReadOnlySpan<double> x, Span<double> destination) => SeedLoops.Tanh(x, destination);

    protected override void ScalarLoopDerivative(ReadOnlySpan<double> x, Span<double> destination) => SeedLoops.TanhDerivative(x, destination);

    protected override void ScalarLoopBackward(ReadOnlySpan<double> x, ReadOnlySpan<double> gradOutput, Span<double> gradInput) => SeedLoops.TanhBackward(x, gradOutput, gradInput);

    protected override void ScalarLoopFused(ReadOnlySpan<double> x, Span<double> destination, Span<double> derivative) => SeedLoops.TanhFused(x, destination, derivative);
}

public class MishFloat() : MishBenchmarks<float>
{
    public override string Attribute => "Mish";

    public override float ReferenceF(float x) => Kernels.MishScalarFloat(x);

    public override float ReferenceDerivative(float x) => Kernels.MishDerivativeScalarFloat(x);

    protected override void GeneratedF(ReadOnlySpan<float> x, Span<float> destination) => Kernels.MishFloat(x, destination);

    protected override void GeneratedDerivative(ReadOnlySpan<float> x, Span<float> destination) => Kernels.MishDerivativeFloat(x, destination);

    protected override void GeneratedBackward(ReadOnlySpan<float> x, ReadOnlySpan<float> gradOutput, Span<float> gradInput) => Kernels.MishBackwardFloat(x, gradOutput, gradInput);

    protected override void GeneratedFused(ReadOnlySpan<float> x, Span<float> destination, Span<float> derivative) => Kernels.MishFusedFloat(x, destination, derivative);

    protected override void ScalarLoopF(ReadOnlySpan<float> x, Span<float> destination) => SeedLoops.Mish(x, destination);

    protected override void ScalarLoopDerivative(ReadOnlySpan<float> x, Span<float> destination) => SeedLoops.MishDerivative(x, destination);

    protected override void ScalarLoopBackward(ReadOnlySpan<float> x, ReadOnlySpan<float> gradOutput, Span<float> gradInput) => SeedLoops.MishBackward(x, gradOutput, gradInput);

    protected override void ScalarLoopFused(ReadOnlySpan<float> x, Span<float> destination, Span<float> derivative) => SeedLoops.MishFused(x, destination, derivative);
}

public class MishDouble() : MishBenchmarks<double>
{
    public override string Attribute => "Mish";

    public override double ReferenceF(double x) => Kernels.MishScalarDouble(x);

    public override double ReferenceDerivative(double x) => Kernels.MishDerivativeScalarDouble(x);

    protected override void GeneratedF(ReadOnlySpan<double> x, Span<double> destination) => Kernels.MishDouble(x, destination);

    protected override void GeneratedDerivative(ReadOnlySpan<double> x, Span<double> destination) => Kernels.MishDerivativeDouble(x, destination);

    protected override void GeneratedBackward(ReadOnlySpan<double> x, ReadOnlySpan<double> gradOutput, Span<double> gradInput) => Kernels.MishBackwardDouble(x, gradOutput, gradInput);

    protected override void GeneratedFused(ReadOnlySpan<double> x, Span<double> destination, Span<double> derivative) => Kernels.MishFusedDouble(x, destination, derivative);

    protected override void ScalarLoopF(ReadOnlySpan<double> x, Span<double> destination) => SeedLoops.Mish(x, destination);

    protected override void ScalarLoopDerivative(ReadOnlySpan<double> x, Span<double> destination) => SeedLoops.MishDerivative(x, destination);

    protected override void ScalarLoopBackward(ReadOnlySpan<double> x, ReadOnlySpan<double> gradOutput, Span<double> gradInput) => SeedLoops.MishBackward(x, gradOutput, gradInput);

    protected override void ScalarLoopFused(ReadOnlySpan<double> x, Span<double> destination, Span<double> derivative) => SeedLoops.MishFused(x, destination, derivative);
}

public class GeluTanhFloat() : GeluTanhBenchmarks<float>
{
    public override string Attribute => "Gelu(Approximate = GeluApproximation.Tanh)";

    public override float ReferenceF(float x) => Kernels.GeluTanhScalarFloat(x);

    public override float ReferenceDerivative(float x) => Kernels.GeluTanhDerivativeScalarFloat(x);

    protected override void GeneratedF(ReadOnlySpan<float> x, Span<float> destination) => Kernels.GeluTanhFloat(x, destination);

    protected override void GeneratedDerivative(ReadOnlySpan<float> x, Span<float> destination) => Kernels.GeluTanhDerivativeFloat(x, destination);

    protected override void GeneratedBackward(ReadOnlySpan<float> x, ReadOnlySpan<float> gradOutput, Span<float> gradInput) => Kernels.GeluTanhBackwardFloat(x, gradOutput, gradInput);

    protected override void GeneratedFused(ReadOnlySpan<float> x, Span<float> destination, Span<float> derivative) => Kernels.GeluTanhFusedFloat(x, destination, derivative);

    protected override void ScalarLoopF(ReadOnlySpan<float> x, Span<float> destination) => SeedLoops.GeluTanh(x, destination);

    protected override void ScalarLoopDerivative(ReadOnlySpan<float> x, Span<float> destination) => SeedLoops.GeluTanhDerivative(x, destination);

    protected override void ScalarLoopBackward(ReadOnlySpan<float> x, ReadOnlySpan<float> gradOutput, Span<float> gradInput) => SeedLoops.GeluTanhBackward(x, gradOutput, gradInput);

    protected override void ScalarLoopFused(ReadOnlySpan<float> x, Span<float> destination, Span<float> derivative) => SeedLoops.GeluTanhFused(x, destination, derivative);
}

public class GeluTanhDouble() : GeluTanhBenchmarks<double>
{
    public override string Attribute => "Gelu(Approximate = GeluApproximation.Tanh)";

    public override double ReferenceF(double x) => Kernels.GeluTanhScalarDouble(x);

    public override double ReferenceDerivative(double x) => Kernels.GeluTanhDerivativeScalarDouble(x);

    protected override void GeneratedF(ReadOnlySpan<double> x, Span<double> destination) => Kernels.GeluTanhDouble(x, destination);

    protected override void GeneratedDerivative(ReadOnlySpan<double> x, Span<double> destination) => Kernels.GeluTanhDerivativeDouble(x, destination);

    protected override void GeneratedBackward(ReadOnlySpan<double> x, ReadOnlySpan<double> gradOutput, Span<double> gradInput) => Kernels.GeluTanhBackwardDouble(x, gradOutput, gradInput);

    protected override void GeneratedFused(ReadOnlySpan<double> x, Span<double> destination, Span<double> derivative) => Kernels.GeluTanhFusedDouble(x, destination, derivative);

    protected override void ScalarLoopF(ReadOnlySpan<double> x, Span<double> destination) => SeedLoops.GeluTanh(x, destination);

    protected override void ScalarLoopDerivative(ReadOnlySpan<double> x, Span<double> destination) => SeedLoops.GeluTanhDerivative(x, destination);

    protected override void ScalarLoopBackward(ReadOnlySpan<double> x, ReadOnlySpan<double> gradOutput, Span<double> gradInput) => SeedLoops.GeluTanhBackward(x, gradOutput, gradInput);

    protected override void ScalarLoopFused(ReadOnlySpan<double> x, Span<double> destination, Span<double> derivative) => SeedLoops.GeluTanhFused(x, destination, derivative);
}
