using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;
using BenchmarkDotNet.Reports;

namespace ActivationGen.Benchmarks;

/// <summary>
/// The markdown table of ratios built from the Summary objects of a run: one row per generated kernel × element type
/// × N, with ns/element and the speed-up over TensorPrimitives and over the seed's scalar loop (the same kind of
/// kernel, same N, same run), and the kernel's time in units of <c>Span.CopyTo</c> of the same data.
/// </summary>
public sealed class RatioTable
{
    private RatioTable(string markdown, int rows)
    {
        Markdown = markdown;
        Rows = rows;
    }

    public string Markdown { get; }

    public int Rows { get; }

    public static RatioTable Build(IEnumerable<Summary> summaries, string job)
    {
        // (class, method, N) → median ns of one call.
        var medians = new Dictionary<(Type Type, string Method, int N), double>();
        foreach (var report in summaries.SelectMany(s => s.Reports))
        {
            if (report.ResultStatistics is not { } statistics)
            {
                continue;
            }

            // Only the kernel classes: FromOutput and GeneratorCost are outside the table.
            var benchmark = report.BenchmarkCase;
            if (!Catalog.Types.Contains(benchmark.Descriptor.Type))
            {
                continue;
            }

            var n = Convert.ToInt32(benchmark.Parameters["N"], CultureInfo.InvariantCulture);
            medians[(benchmark.Descriptor.Type, benchmark.Descriptor.WorkloadMethod.Name, n)] = statistics.Median;
        }

        var kernels = new[]
        {
            (Kind: Kind.F, Suffix: "F", Label: "f"),
            (Kind: Kind.Derivative, Suffix: "Derivative", Label: "f'"),
            (Kind: Kind.Backward, Suffix: "Backward", Label: "backward"),
            (Kind: Kind.Fused, Suffix: "Fused", Label: "fused"),
        };

        var activations = Catalog.Types
            .Select(t => (Type: t, Description: Catalog.Describe(t)))
            .GroupBy(t => t.Description.Attribute)
            .ToArray();
        var sizes = medians.Keys.Select(k => k.N).Distinct().Order().ToArray();

        var ratios = new StringBuilder();
        var times = new StringBuilder();
        var rows = 0;
        ratios.AppendLine("| kernel | T | N | ns/element | × TensorPrimitives | × scalar loop | × CopyTo time |");
        ratios.AppendLine("|---|---|---:|---:|---:|---:|---:|");
        times.AppendLine("| kernel | T | N | generated | TensorPrimitives | scalar loop | CopyTo |");
        times.AppendLine("|---|---|---:|---:|---:|---:|---:|");
        foreach (var activation in activations)
        {
            foreach (var kernel in kernels)
            {
                foreach (var (type, (attribute, element)) in activation)
                {
                    foreach (var n in sizes)
                    {
                        double? Median(string method) => medians.TryGetValue((type, method, n), out var m) ? m : null;

                        var generated = Median("Generated_" + kernel.Suffix);
                        if (generated is null)
                        {
                            continue;
                        }

                        var tensorPrimitives = Median("TensorPrimitives_" + kernel.Suffix);
                        var scalar = Median("ScalarLoop_" + kernel.Suffix);
                        var copy = Median("CopyTo");
                        var name = $"`[{attribute}]` {kernel.Label}";
                        var size = n.ToString("N0", CultureInfo.InvariantCulture);

                        ratios.AppendLine(
                            $"| {name} | {element} | {size} | {FormatNanoseconds(generated.Value / n)} " +
                            $"| {Ratio(tensorPrimitives, generated)} | {Ratio(scalar, generated)} | {Ratio(generated, copy)} |");
                        times.AppendLine(
                            $"| {name} | {element} | {size} | {PerElement(generated, n)} | {PerElement(tensorPrimitives, n)} " +
                            $"| {PerElement(scalar, n)} | {PerElement(copy, n)} |");
                        rows++;
                    }
                }
            }
        }

        var text = new StringBuilder();
        text.AppendLine("# ActivationGen: generated kernels vs TensorPrimitives vs the scalar loop");
        text.AppendLine();
        text.AppendLine($"Job: {job}. {Machine()}. One thread; median of the iterations; x uniform in [-10, 10].");
        text.AppendLine();
        text.AppendLine("× TensorPrimitives and × scalar loop are speed-ups (their time / the generated kernel's time, > 1 = the");
        text.AppendLine("generated kernel is faster), against the same kind of kernel: f against TensorPrimitives.Sigmoid, Max(x, 0) or");
        text.AppendLine("the composition of its primitives, f' / backward / fused against compositions that compute the same. × CopyTo");
        text.AppendLine("time is the generated kernel's time in units of `Span.CopyTo` of the same N elements (the memory floor; 1 =");
        text.AppendLine("as fast as a copy). — : not measured in this run.");
        text.AppendLine();
        text.Append(ratios);
        text.AppendLine();
        text.AppendLine("## ns/element of each contender");
        text.AppendLine();
        text.Append(times);
        return new RatioTable(text.ToString(), rows);
    }

    public static string FormatNanoseconds(double value) => value switch
    {
        < 1 => value.ToString("0.000", CultureInfo.InvariantCulture),
        < 10 => value.ToString("0.00", CultureInfo.InvariantCulture),
        _ => value.ToString("0.0", CultureInfo.InvariantCulture),
    };

    private static string PerElement(double? median, int n) => median is { } m ? FormatNanoseconds(m / n) : "—";

    private static string Ratio(double? numerator, double? denominator) =>
        numerator is { } a && denominator is { } b && b > 0
            ? (a / b) switch
            {
                < 10 => (a / b).ToString("0.00", CultureInfo.InvariantCulture),
                < 100 => (a / b).ToString("0.0", CultureInfo.InvariantCulture),
                _ => (a / b).ToString("0", CultureInfo.InvariantCulture),
            }
            : "—";

    private static string Machine()
    {
        var cpu = "unknown CPU";
        try
        {
            if (File.Exists("/proc/cpuinfo"))
            {
                var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
                if (line is not null)
                {
                    cpu = line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
                }
            }
        }
        catch (IOException)
        {
        }

        var widest = Vector512.IsHardwareAccelerated ? "Vector512" : Vector256.IsHardwareAccelerated ? "Vector256" : Vector128.IsHardwareAccelerated ? "Vector128" : "no SIMD";
        return $"{cpu}, {Environment.ProcessorCount} logical cores, {RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription}, widest accelerated vector {widest}";
    }
}
