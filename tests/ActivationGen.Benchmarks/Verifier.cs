using System;
using System.IO;
using System.Linq;
using System.Numerics;
using System.Reflection;
using BenchmarkDotNet.Attributes;

namespace ActivationGen.Benchmarks;

/// <summary>
/// <c>--verify</c>: runs every [Benchmark] method of every class once, without BenchmarkDotNet, on N = 4,096 of the
/// benchmark's inputs (plus a few chosen ones), and checks its output against the generated scalar shape of f and f'
/// (computed element by element). A benchmark that computes the wrong thing, or nothing, is caught here.
/// </summary>
public static class Verifier
{
    /// <summary>Put at the start of x, over the random values: both tails, around 0 (not 0 itself: the seed's
    /// ELU' takes 1 at 0, ELU's definition α) and around the offsets.</summary>
    private static readonly double[] Chosen = [-10, -9.5, -5, -2, -1, -0.5, -1e-3, -1e-6, 1e-6, 1e-3, 0.5, 1, 2, 3, 5, 9.8, 10];

    public static bool Run(TextWriter log)
    {
        var checkedMethods = 0;
        var failures = 0;
        foreach (var type in Catalog.Types)
        {
            var instance = Activator.CreateInstance(type);
            var (methods, failed, note) = instance switch
            {
                ActivationBenchmarks<float> f => Verify(f, (1e-4, 1e-6)),
                ActivationBenchmarks<double> d => Verify(d, (1e-10, 1e-13)),
                _ => throw new InvalidOperationException(type + " is not a benchmark class"),
            };
            checkedMethods += methods;
            failures += failed.Length;
            log.WriteLine($"verify {type.Name}: {methods - failed.Length} of {methods} methods agree with the scalar shape{note}");
            foreach (var failure in failed)
            {
                log.WriteLine("  FAILED " + failure);
            }
        }

        log.WriteLine(failures == 0
            ? $"verify: all {checkedMethods} benchmark methods agree with the generated scalar shape."
            : $"verify: {failures} of {checkedMethods} benchmark methods disagree with the generated scalar shape.");
        return failures == 0 && checkedMethods > 0;
    }

    private static (int Methods, string[] Failures, string Note) Verify<T>(ActivationBenchmarks<T> benchmark, (double Relative, double Absolute) typeTolerance)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        benchmark.N = 4_096;
        benchmark.Setup();
        for (var i = 0; i < Chosen.Length; i++)
        {
            benchmark.X[i] = T.CreateChecked(Chosen[i]);
        }

        var x = benchmark.X;
        var xCopy = x.ToArray();
        var gradOutputCopy = benchmark.GradOutput.ToArray();
        var n = x.Length;
        var f = new double[n];
        var d = new double[n];
        var fExact = new T[n];
        var dExact = new T[n];
        for (var i = 0; i < n; i++)
        {
            fExact[i] = benchmark.ReferenceF(x[i]);
            dExact[i] = benchmark.ReferenceDerivative(x[i]);
            f[i] = double.CreateChecked(fExact[i]);
            d[i] = double.CreateChecked(dExact[i]);
        }

        var backward = new double[n];
        for (var i = 0; i < n; i++)
        {
            backward[i] = double.CreateChecked(benchmark.GradOutput[i]) * d[i];
        }

        var failures = new System.Collections.Generic.List<string>();
        var bitExact = true;
        var methods = benchmark.GetType()
            .GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Where(m => m.GetCustomAttribute<BenchmarkAttribute>() is not null)
            .OrderBy(m => m.Name, StringComparer.Ordinal)
            .ToArray();
        foreach (var method in methods)
        {
            var category = method.GetCustomAttribute<BenchmarkCategoryAttribute>()?.Categories.FirstOrDefault();
            benchmark.Destination.AsSpan().Fill(T.NaN);
            benchmark.Derivative.AsSpan().Fill(T.NaN);
            method.Invoke(benchmark, null);

            var (relative, absolute) = method.Name.StartsWith("Generated_", StringComparison.Ordinal) ? typeTolerance
                : benchmark.BaselineTolerance ?? typeTolerance;
            var failure = category switch
            {
                Kind.F => Compare(benchmark.Destination, f, "f", (relative, absolute)),
                Kind.Derivative => Compare(benchmark.Destination, d, "f'", (relative, absolute)),
                Kind.Backward => Compare(benchmark.Destination, backward, "gradOutput·f'", (relative, absolute)),
                Kind.Fused => Compare(benchmark.Destination, f, "f", (relative, absolute)) ?? Compare(benchmark.Derivative, d, "f'", (relative, absolute)),
                Kind.Floor => benchmark.Destination.AsSpan().SequenceEqual(xCopy) ? null : "the copy differs from x",
                _ => "no known category: " + (category ?? "none"),
            };
            if (failure is not null)
            {
                failures.Add($"{method.Name}: {failure}");
            }

            if (method.Name == nameof(ActivationBenchmarks<T>.Generated_F))
            {
                bitExact &= benchmark.Destination.AsSpan().SequenceEqual(fExact);
            }
            else if (method.Name == nameof(ActivationBenchmarks<T>.Generated_Derivative))
            {
                bitExact &= benchmark.Destination.AsSpan().SequenceEqual(dExact);
            }

            if (!x.AsSpan().SequenceEqual(xCopy) || !benchmark.GradOutput.AsSpan().SequenceEqual(gradOutputCopy))
            {
                failures.Add($"{method.Name}: wrote into an input");
                xCopy.CopyTo(x, 0);
                gradOutputCopy.CopyTo(benchmark.GradOutput, 0);
            }
        }

        return (methods.Length, failures.ToArray(), bitExact ? " (generated f and f' over spans: bit for bit)" : " (generated f or f' over spans: NOT bit for bit)");

        string? Compare(T[] actual, double[] expected, string what, (double Relative, double Absolute) tolerance)
        {
            var (relative, absolute) = tolerance;
            for (var i = 0; i < n; i++)
            {
                var a = double.CreateChecked(actual[i]);
                var e = expected[i];
                if (!(Math.Abs(a - e) <= relative * Math.Abs(e) + absolute))
                {
                    return $"{what}({xCopy[i]}) = {a:R}, the scalar shape gives {e:R} (element {i})";
                }
            }

            return null;
        }
    }
}
