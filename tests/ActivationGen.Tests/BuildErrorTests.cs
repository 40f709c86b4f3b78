using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;
using Xunit.Abstractions;

namespace ActivationGen.Tests;

/// <summary>
/// Mistakes as a user meets them: the packed package referenced from new projects, built with the real <c>dotnet build</c>
/// (the SDK's compiler, which runs no analyzer once a compilation has an error and binds no method body after a
/// declaration error). Every mistake must show as exactly one error of ActivationGen at the marked place, with the
/// found value named; no CS8795 where a body can be given, no generator crash (CS8785), nothing in a generated file.
/// </summary>
/// <remarks>
/// The sources mark each expected error with <c>/*!ID[@tfm,…] fragment*/</c> just before the token it is reported at:
/// the error must be there (line and column), in those target frameworks (all of the project's if none is named), and
/// its message must contain the fragment. The build output must have exactly these errors and no warning.
/// </remarks>
[Trait("Category", "Package")]
[Collection(PackageCollection.Name)]
public sealed class BuildErrorTests(PackageFixture package, ITestOutputHelper output)
{
    /// <summary>One mistake of each kind, in public, internal and private methods; one type not partial (a compiler error of the declaration stage).</summary>
    private const string Mistakes = """
        using System;
        using ActivationGen;

        namespace Mistakes;

        public static partial class Methods
        {
            [Relu] public static double /*!AGEN0001 add 'partial' to the method*/NotPartial(double x) => x;
            [Relu] internal static partial double /*!AGEN0002 remove its body*/HasBody(double x) => x;
            [Relu] private static partial double Generic/*!AGEN0003 'Generic' must not have type parameters*/<T>(double x);
            [Relu] public static partial void BadSignature(ReadOnlySpan<float> x, /*!AGEN0004 parameter 'destination' is 'Span<int>'*/Span<int> destination);
            [Relu] internal static partial /*!AGEN0005 the return type is 'float' and 'x' is 'double'*/float Mixed(double x);
            [Relu, /*!AGEN0006 ([Relu], [Elu])*/Elu] private static partial double Two(double x);
            [Elu(/*!AGEN0007 (fused shape)*/Derivative = true)] public static partial void Fused(ReadOnlySpan<float> x, Span<float> destination, Span<float> derivative);
            [Elu(/*!AGEN0008 'Alpha' is NaN*/Alpha = double.NaN)] internal static partial double NaNAlpha(double x);
            [SigmoidSum(/*!AGEN0009 Count is 0*/Count = 0)] private static partial double NoTerms(double x);
            [SigmoidSum(/*!AGEN0010 From (5) is greater than To (1)*/From = 5, To = 1)] public static partial double Backwards(double x);
            [Celu(/*!AGEN0013 'Alpha' is 0*/Alpha = 0)] internal static partial double ZeroAlpha(double x);
            [HardTanh(/*!AGEN0014 Min (2) is not less than Max (1)*/Min = 2, Max = 1)] private static partial double Inverted(double x);
            [Gelu(/*!AGEN0015 not supported by [Gelu]*/FromOutput = true)] public static partial void GeluBackward(ReadOnlySpan<float> y, ReadOnlySpan<float> gradOutput, Span<float> gradInput);
            [Relu] public static partial void Fine(ReadOnlySpan<float> x, Span<float> destination);

            public static double Wavy(double x) => x * /*!AGEN0016 'Math.Sin' is not supported in activation definition 'Methods.Wavy'*/Math.Sin(x);
            public static double Squareplus(double x) => 0.5 * (x + Math.Sqrt(x * x + 4));
            [Activation(nameof(Wavy))] public static partial double WavyKernel(double x);
            [Activation(nameof(Wavy), Derivative = true)] internal static partial void WavySlope(ReadOnlySpan<float> x, Span<float> destination);
            [Activation(/*!AGEN0017 no member named 'Swish' was found in 'Methods'*/"Swish")] private static partial double Missing(double x);
            [Activation(nameof(Squareplus))] public static partial void FineCustom(ReadOnlySpan<float> x, Span<float> destination, Span<float> derivative);
        }

        public class /*!CS0260*/NotPartialType
        {
            [Relu] public static partial double /*!AGEN0001 add 'partial' to type 'NotPartialType'*/M(double x);
        }

        public partial interface IActivations
        {
            [Relu] public static partial double /*!AGEN0012 interface 'IActivations'*/M(double x);
        }

        public abstract partial class Base
        {
            [Relu] public /*!AGEN0018 is abstract*/abstract double M(double x);
        }
        """;

    /// <summary>
    /// A library for older frameworks: net8.0 (C# 12) gets AGEN0011 and bodies that throw; netstandard2.0 (C# 7.3, where
    /// the attributes must compile too) gets AGEN0011 and nothing generated.
    /// </summary>
    private const string OldTargets = """
        using System;
        using ActivationGen;

        namespace OldTargets
        {
            public static partial class Acts
            {
                [Relu] static partial void /*!AGEN0011@net8.0 older than .NET 9*//*!AGEN0011@netstandard2.0 older than .NET 8*/InPlace(Span<float> values);
                [Elu(/*!AGEN0008 'Alpha' is NaN*/Alpha = double.NaN)] static partial void /*!AGEN0011@net8.0 older than .NET 9*//*!AGEN0011@netstandard2.0 older than .NET 8*/Bad(Span<double> values);
        #if NET
                [Relu] public static partial double /*!AGEN0011@net8.0 older than .NET 9*/Scalar(double x);
        #endif
            }
        }
        """;

    /// <summary>
    /// C# 14 extension blocks (a kind of type the generator's Roslyn 4.14 does not know): one AGEN0012 per method. A partial
    /// member there is the compiler's error too (CS0751), and, since no generated part can be declared in it, CS8795.
    /// </summary>
    private const string Extensions = """
        using System;
        using ActivationGen;

        namespace Extensions;

        public static partial class SpanExtensions
        {
            extension(Span<float> values)
            {
                [Relu] public void /*!AGEN0012 an extension block*/Rectify() { }
                [Relu] public static partial double /*!AGEN0012 an extension block*//*!CS0751*//*!CS8795*/Scalar(double x);
            }
        }
        """;

    private static readonly Regex Marker = new(@"/\*!(?<id>[A-Z]+\d+)(@(?<tfms>[\w.,]+))?(\s(?<fragment>.*?))?\*/", RegexOptions.Compiled);

    private static readonly Regex BuildLine = new(
        @"^(?<file>[^\s(][^(]*)\((?<line>\d+),(?<column>\d+)\): (?<severity>error|warning) (?<id>\w+): (?<message>.*) \[(?<project>[^\]:]+?)(::TargetFramework=(?<tfm>[^\]]+))?\]$",
        RegexOptions.Compiled);

    private sealed record Project(string Name, string[] TargetFrameworks, string Source, string Properties = "", string Items = "");

    private static readonly Project[] Projects =
    {
        new("Mistakes", new[] { "net10.0" }, Mistakes, "<Nullable>enable</Nullable>"),
        new("OldTargets", new[] { "net8.0", "netstandard2.0" }, OldTargets, Items: """<PackageReference Include="System.Memory" Version="4.6.3" Condition="'$(TargetFramework)' == 'netstandard2.0'" />"""),
        new("Extensions", new[] { "net10.0" }, Extensions, "<LangVersion>14</LangVersion>"),
    };

    private sealed record Error(string Project, string TargetFramework, string File, int Line, int Column, string Id)
    {
        public override string ToString() => $"{Project} [{TargetFramework}] {File}({Line},{Column}): {Id}";
    }

    [Fact]
    public void Every_mistake_shows_once_as_our_error_on_dotnet_build()
    {
        Assert.True(package.PackExitCode == 0, "dotnet pack at the repository root failed:\n" + package.PackLog);
        var root = Path.Combine(package.WorkRoot, "mistakes");
        var packages = Path.Combine(package.WorkRoot, "mistakes-packages");
        Directory.CreateDirectory(root);
        PackageFixture.WriteIsolatedFolder(root, packages, package.RootFeed, package.ExistingSources());

        var expected = new List<(Error Error, string Fragment)>();
        foreach (var project in Projects)
        {
            var folder = Path.Combine(root, project.Name);
            Directory.CreateDirectory(folder);
            var frameworks = project.TargetFrameworks.Length == 1 ? $"<TargetFramework>{project.TargetFrameworks[0]}</TargetFramework>" : $"<TargetFrameworks>{string.Join(";", project.TargetFrameworks)}</TargetFrameworks>";
            File.WriteAllText(Path.Combine(folder, project.Name + ".csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    {frameworks}
                    {project.Properties}
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="ActivationGen" Version="{package.Version}" PrivateAssets="all" />
                    {project.Items}
                  </ItemGroup>
                </Project>
                """);
            File.WriteAllText(Path.Combine(folder, project.Name + ".cs"), project.Source);
            expected.AddRange(Expected(project));
        }

        var environment = new Dictionary<string, string?> { ["NUGET_PACKAGES"] = packages };
        var builds = Projects.Select(p => package.Run("dotnet", ["build", Path.Combine(p.Name, p.Name + ".csproj"), "--disable-build-servers"], root, environment)).ToList();
        var log = string.Join("\n", builds.Select(b => b.Log));
        output.WriteLine(log);
        Assert.All(builds, b => Assert.NotEqual(0, b.ExitCode));

        var lines = log.Split('\n').Select(l => l.TrimEnd('\r').Trim()).Select(l => BuildLine.Match(l)).Where(m => m.Success).ToList();
        Assert.DoesNotContain(lines, m => m.Groups["severity"].Value == "warning");
        var actual = lines
            .Select(m => (Error: new Error(
                Path.GetFileNameWithoutExtension(m.Groups["project"].Value),
                m.Groups["tfm"].Success ? m.Groups["tfm"].Value : Projects.Single(p => p.Name == Path.GetFileNameWithoutExtension(m.Groups["project"].Value)).TargetFrameworks[0],
                Path.GetFileName(m.Groups["file"].Value),
                int.Parse(m.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture),
                int.Parse(m.Groups["column"].Value, System.Globalization.CultureInfo.InvariantCulture),
                m.Groups["id"].Value), Message: m.Groups["message"].Value))
            .Distinct()
            .ToList();

        Assert.Equal(
            expected.Select(e => e.Error.ToString()).Order(StringComparer.Ordinal),
            actual.Select(a => a.Error.ToString()).Order(StringComparer.Ordinal));
        foreach (var (error, fragment) in expected)
        {
            var message = actual.Single(a => a.Error == error).Message;
            Assert.True(message.Contains(fragment, StringComparison.Ordinal), $"{error}: '{message}' does not say '{fragment}'.");
        }
    }

    /// <summary>The errors the markers of a project's source ask for, in each of its target frameworks.</summary>
    private static IEnumerable<(Error Error, string Fragment)> Expected(Project project)
    {
        var lines = project.Source.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            foreach (Match marker in Marker.Matches(lines[i]))
            {
                // The error is at the token after the run of markers that this one belongs to.
                var column = marker.Index + marker.Length;
                for (var next = Marker.Match(lines[i], column); next.Success && next.Index == column; next = Marker.Match(lines[i], column))
                {
                    column = next.Index + next.Length;
                }

                var frameworks = marker.Groups["tfms"].Success ? marker.Groups["tfms"].Value.Split(',') : project.TargetFrameworks;
                foreach (var framework in frameworks)
                {
                    yield return (new Error(project.Name, framework, project.Name + ".cs", i + 1, column + 1, marker.Groups["id"].Value), marker.Groups["fragment"].Value);
                }
            }
        }
    }
}
