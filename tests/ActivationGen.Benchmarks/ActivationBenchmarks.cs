using System;
using System.Numerics;
using BenchmarkDotNet.Attributes;

namespace ActivationGen.Benchmarks;

/// <summary>The benchmark categories: one per kernel kind, each with its own baseline (the TensorPrimitives way).</summary>
public static class Kind
{
    /// <summary>destination[i] = f(x[i]).</summary>
    public const string F = "f";

    /// <summary>destination[i] = f'(x[i]).</summary>
    public const string Derivative = "f'";

    /// <summary>gradInput[i] = gradOutput[i] · f'(x[i]).</summary>
    public const string Backward = "backward";

    /// <summary>destination[i] = f(x[i]) and derivative[i] = f'(x[i]) in one call.</summary>
    public const string Fused = "fused";

    /// <summary><c>Span.CopyTo</c> of x into destination: the memory floor.</summary>
    public const string Floor = "CopyTo";

    /// <summary>The kernel kinds in table order (without the floor).</summary>
    public static readonly string[] Kernels = [F, Derivative, Backward, Fused];
}

/// <summary>
/// One benchmark class per activation and element type derives from this. Every class runs, side by side, for each
/// kernel kind (category): the generated kernel, the TensorPrimitives composition (the baseline of the category) and
/// the seed's scalar loop; and <c>Span.CopyTo</c> of the same data, the memory floor. Buffers are allocated and
/// filled in <see cref="Setup"/>: x uniform in [-10, 10] and gradOutput uniform in [-1, 1], from a fixed seed.
/// </summary>
/// <remarks>
/// Method names are <c>Generated_*</c>, <c>TensorPrimitives_*</c>, <c>ScalarLoop_*</c> and <c>CopyTo</c>; the ratio
/// table and <c>--verify</c> rely on these prefixes and on the categories.
/// </remarks>
public abstract class ActivationBenchmarks<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>The seed of the input data; the same for every class, size and element type.</summary>
    public const int Seed = 20_240_611;

    /// <summary>Short spans (per-call set-up), in L1/L2, in the last-level cache, in DRAM.</summary>
    [Params(16, 64, 256, 4_096, 1_048_576, 16_777_216)]
    public int N { get; set; } = 4_096;

    /// <summary>The input.</summary>
    protected internal T[] X { get; private set; } = [];

    /// <summary>The gradient of the loss with respect to the output (input of the backward kernels).</summary>
    protected internal T[] GradOutput { get; private set; } = [];

    /// <summary>The output of f and f', gradInput of the backward kernels, and the copy of <c>CopyTo</c>.</summary>
    protected internal T[] Destination { get; private set; } = [];

    /// <summary>The second output of the fused kernels.</summary>
    protected internal T[] Derivative { get; private set; } = [];

    /// <summary>Scratch space of the TensorPrimitives compositions.</summary>
    protected T[] Scratch { get; private set; } = [];

    /// <summary>More scratch space of the TensorPrimitives compositions.</summary>
    protected T[] Scratch2 { get; private set; } = [];

    /// <summary>The attribute under test as written in C#, without brackets, e.g. <c>Elu(Alpha = 0.5)</c>.</summary>
    public abstract string Attribute { get; }

    /// <summary>
    /// The tolerance of <c>--verify</c> for the TensorPrimitives and scalar-loop methods when it is not the element
    /// type's (relative 1e-4 and absolute 1e-6 for float, 1e-10 and 1e-13 for double): for a baseline built on an
    /// approximation less accurate than the type.
    /// </summary>
    public virtual (double Relative, double Absolute)? BaselineTolerance => null;

    /// <summary>The element type as written in C#.</summary>
    public static string ElementName => typeof(T) == typeof(float) ? "float" : "double";

    [GlobalSetup]
    public void Setup()
    {
        X = new T[N];
        GradOutput = new T[N];
        Destination = new T[N];
        Derivative = new T[N];
        Scratch = new T[N];
        Scratch2 = new T[N];

        var random = new Random(Seed);
        for (var i = 0; i < N; i++)
        {
            X[i] = T.CreateChecked(random.NextDouble() * 20 - 10);
        }

        for (var i = 0; i < N; i++)
        {
            GradOutput[i] = T.CreateChecked(random.NextDouble() * 2 - 1);
        }

        // Touch every page of the outputs once, so that no benchmark pays for the first write.
        Destination.AsSpan().Fill(T.One);
        Derivative.AsSpan().Fill(T.One);
        Scratch.AsSpan().Fill(T.One);
        Scratch2.AsSpan().Fill(T.One);
    }

    // ---- f ------------------------------------------------------------------------------------------------------

    [Benchmark, BenchmarkCategory(Kind.F)]
    public void Generated_F() => GeneratedF(X, Destination);

    [Benchmark(Baseline = true), BenchmarkCategory(Kind.F)]
    public void TensorPrimitives_F() => TensorPrimitivesF(X, Destination);

    [Benchmark, BenchmarkCategory(Kind.F)]
    public void ScalarLoop_F() => ScalarLoopF(X, Destination);

    // ---- f' -----------------------------------------------------------------------------------------------------

    [Benchmark, BenchmarkCategory(Kind.Derivative)]
    public void Generated_Derivative() => GeneratedDerivative(X, Destination);

    [Benchmark(Baseline = true), BenchmarkCategory(Kind.Derivative)]
    public void TensorPrimitives_Derivative() => TensorPrimitivesDerivative(X, Destination);

    [Benchmark, BenchmarkCategory(Kind.Derivative)]
    public void ScalarLoop_Derivative() => ScalarLoopDerivative(X, Destination);

    // ---- backward -----------------------------------------------------------------------------------------------

    [Benchmark, BenchmarkCategory(Kind.Backward)]
    public void Generated_Backward() => GeneratedBackward(X, GradOutput, Destination);

    [Benchmark(Baseline = true), BenchmarkCategory(Kind.Backward)]
    public void TensorPrimitives_Backward() => TensorPrimitivesBackward(X, GradOutput, Destination);

    [Benchmark, BenchmarkCategory(Kind.Backward)]
    public void ScalarLoop_Backward() => ScalarLoopBackward(X, GradOutput, Destination);

    // ---- fused --------------------------------------------------------------------------------------------------

    [Benchmark, BenchmarkCategory(Kind.Fused)]
    public void Generated_Fused() => GeneratedFused(X, Destination, Derivative);

    [Benchmark(Baseline = true), BenchmarkCategory(Kind.Fused)]
    public void TensorPrimitives_Fused() => TensorPrimitivesFused(X, Destination, Derivative);

    [Benchmark, BenchmarkCategory(Kind.Fused)]
    public void ScalarLoop_Fused() => ScalarLoopFused(X, Destination, Derivative);

    // ---- the memory floor ---------------------------------------------------------------------------------------

    [Benchmark(Baseline = true), BenchmarkCategory(Kind.Floor)]
    public void CopyTo() => X.AsSpan().CopyTo(Destination);

    // ---- what a class provides ----------------------------------------------------------------------------------

    /// <summary>The generated scalar shape of f: the reference of <c>--verify</c>.</summary>
    public abstract T ReferenceF(T x);

    /// <summary>The generated scalar shape of f': the reference of <c>--verify</c>.</summary>
    public abstract T ReferenceDerivative(T x);

    protected abstract void GeneratedF(ReadOnlySpan<T> x, Span<T> destination);

    protected abstract void GeneratedDerivative(ReadOnlySpan<T> x, Span<T> destination);

    protected abstract void GeneratedBackward(ReadOnlySpan<T> x, ReadOnlySpan<T> gradOutput, Span<T> gradInput);

    protected abstract void GeneratedFused(ReadOnlySpan<T> x, Span<T> destination, Span<T> derivative);

    protected abstract void TensorPrimitivesF(ReadOnlySpan<T> x, Span<T> destination);

    protected abstract void TensorPrimitivesDerivative(ReadOnlySpan<T> x, Span<T> destination);

    protected abstract void TensorPrimitivesBackward(ReadOnlySpan<T> x, ReadOnlySpan<T> gradOutput, Span<T> gradInput);

    protected abstract void TensorPrimitivesFused(ReadOnlySpan<T> x, Span<T> destination, Span<T> derivative);

    protected abstract void ScalarLoopF(ReadOnlySpan<T> x, Span<T> destination);

    protected abstract void ScalarLoopDerivative(ReadOnlySpan<T> x, Span<T> destination);

    protected abstract void ScalarLoopBackward(ReadOnlySpan<T> x, ReadOnlySpan<T> gradOutput, Span<T> gradInput);

    protected abstract void ScalarLoopFused(ReadOnlySpan<T> x, Span<T> destination, Span<T> derivative);
}
