using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using TorchSharp;
using static TorchSharp.torch;

namespace ActivationGen.Benchmarks.Torch;

/// <summary>The generated kernels compared here (the ones ActivationGen has).</summary>
internal static partial class Kernels
{
    [Sigmoid]
    public static partial void Sigmoid(ReadOnlySpan<float> x, Span<float> destination);

    [Sigmoid]
    public static partial void SigmoidBackward(ReadOnlySpan<float> x, ReadOnlySpan<float> gradOutput, Span<float> gradInput);

    [Elu]
    public static partial void Elu(ReadOnlySpan<float> x, Span<float> destination);

    [Elu]
    public static partial void EluBackward(ReadOnlySpan<float> x, ReadOnlySpan<float> gradOutput, Span<float> gradInput);

    [Softplus]
    public static partial void Softplus(ReadOnlySpan<float> x, Span<float> destination);

    [Softplus]
    public static partial void SoftplusBackward(ReadOnlySpan<float> x, ReadOnlySpan<float> gradOutput, Span<float> gradInput);

    [Relu]
    public static partial void Relu(ReadOnlySpan<float> x, Span<float> destination);

    [Relu]
    public static partial void ReluBackward(ReadOnlySpan<float> x, ReadOnlySpan<float> gradOutput, Span<float> gradInput);
}

/// <summary>
/// libtorch (TorchSharp-cpu) on one thread against the generated kernels, in one run: forward and forward + backward of
/// each activation at 4,096 and 1,048,576 floats, x uniform in [-10, 10], gradOutput in [-1, 1]. Every measurement is
/// warmed up for a second, then timed in 15 samples of about 20 ms of this thread's CPU time (libtorch runs on the calling
/// thread with one thread, so time the machine spends on other processes is not counted); the table gives the median
/// ns/element and the ratio libtorch / ActivationGen (above 1: the generated kernel is faster).
/// libtorch's forward allocates its result and its forward + backward records the graph on a fresh leaf and runs
/// autograd (how PyTorch code calls it); the generated forward writes into a preallocated span and its forward +
/// backward is the forward call followed by the backward call (x, gradOutput → gradInput).
/// </summary>
public static class Program
{
    private static readonly int[] Sizes = [4096, 1 << 20];

    public static void Main(string[] args)
    {
        torch.set_num_threads(1);
        Console.WriteLine($"libtorch via TorchSharp {typeof(torch).Assembly.GetName().Version}, threads {torch.get_num_threads()}; .NET {Environment.Version}; {Environment.ProcessorCount} cores");
        Console.WriteLine();
        Console.WriteLine("| activation | N | libtorch f | ActivationGen f | × | libtorch f+backward | ActivationGen f+backward | × |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var n in Sizes)
        {
            var random = new Random(1);
            var xs = new float[n];
            var gs = new float[n];
            for (var i = 0; i < n; i++)
            {
                xs[i] = (float)(random.NextDouble() * 20 - 10);
                gs[i] = (float)(random.NextDouble() * 2 - 1);
            }

            var y = new float[n];
            var gradInput = new float[n];
            using var x = torch.tensor(xs);
            using var g = torch.tensor(gs);
            var cases = new (string Name, Func<Tensor, Tensor> Torch, Action? Forward, Action? Backward)[]
            {
                ("sigmoid", t => torch.nn.functional.sigmoid(t), () => Kernels.Sigmoid(xs, y), () => Kernels.SigmoidBackward(xs, gs, gradInput)),
                ("elu", t => torch.nn.functional.elu(t, 1.0), () => Kernels.Elu(xs, y), () => Kernels.EluBackward(xs, gs, gradInput)),
                ("softplus", t => torch.nn.functional.softplus(t), () => Kernels.Softplus(xs, y), () => Kernels.SoftplusBackward(xs, gs, gradInput)),
                ("relu", t => torch.nn.functional.relu(t), () => Kernels.Relu(xs, y), () => Kernels.ReluBackward(xs, gs, gradInput)),
                ("gelu", t => torch.nn.functional.gelu(t), null, null),
                ("silu", t => torch.nn.functional.silu(t), null, null),
                ("mish", t => torch.nn.functional.mish(t), null, null),
                ("tanh", t => torch.tanh(t), null, null),
            };
            foreach (var c in cases)
            {
                var torchForward = Time(n, () =>
                {
                    using var scope = torch.NewDisposeScope();
                    c.Torch(x);
                });
                var torchBoth = Time(n, () =>
                {
                    using var scope = torch.NewDisposeScope();
                    var leaf = x.detach().requires_grad_();
                    var output = c.Torch(leaf);
                    output.backward(new[] { g });
                    _ = leaf.grad;
                });
                double? oursForward = c.Forward is null ? null : Time(n, c.Forward);
                double? oursBoth = c.Forward is null ? null : Time(n, () =>
                {
                    c.Forward();
                    c.Backward!();
                });
                Console.WriteLine($"| {c.Name} | {n.ToString("N0", CultureInfo.InvariantCulture)} | {F(torchForward)} | {F(oursForward)} | {R(torchForward, oursForward)} | {F(torchBoth)} | {F(oursBoth)} | {R(torchBoth, oursBoth)} |");
            }
        }

        Console.WriteLine();
        Console.WriteLine("ns/element, median of 15 samples; × = libtorch time / ActivationGen time.");
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);

    private static double ThreadCpuNanoseconds()
    {
        const int ThreadCpuTimeClock = 3; // CLOCK_THREAD_CPUTIME_ID
        ClockGetTime(ThreadCpuTimeClock, out var time);
        return (time.Seconds * 1e9) + time.Nanoseconds;
    }

    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    private static string F(double? value) => value is { } v ? v.ToString("0.000", CultureInfo.InvariantCulture) : "—";

    private static string R(double? torchTime, double? ours) =>
        torchTime is { } t && ours is { } o ? (t / o).ToString("0.00", CultureInfo.InvariantCulture) : "—";

    /// <summary>Median ns per element of <paramref name="action"/> over 15 samples of about 20 ms, after 1 s of warm-up.</summary>
    private static double Time(int n, Action action)
    {
        var warmup = Stopwatch.StartNew();
        var calls = 0;
        while (warmup.ElapsedMilliseconds < 1000)
        {
            action();
            calls++;
        }

        var perSample = Math.Max(1, (int)(calls / 50.0));
        var samples = new List<double>();
        for (var s = 0; s < 15; s++)
        {
            var start = ThreadCpuNanoseconds();
            for (var i = 0; i < perSample; i++)
            {
                action();
            }

            samples.Add((ThreadCpuNanoseconds() - start) / perSample / n);
        }

        samples.Sort();
        return samples[samples.Count / 2];
    }
}
