using System;
using System.Linq;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace ActivationGen.Tests.Infrastructure;

/// <summary>Test sources: the usual header, <c>[|…|]</c> location markers, and checks on what the generator wrote.</summary>
internal static class Markup
{
    public const string Usings = """
        using System;
        using System.Runtime.Intrinsics;
        using ActivationGen;

        namespace Test;


        """;

    private static readonly Lazy<string[]> PostInitializationFiles = new(() =>
        GeneratorHarness.Run("namespace Test;").Sources.Select(s => s.HintName).ToArray());

    /// <summary>The source without its markers, and the marked span.</summary>
    public static (string Source, TextSpan Span) Parse(string marked)
    {
        var start = marked.IndexOf("[|", StringComparison.Ordinal);
        var end = marked.IndexOf("|]", StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "The case must mark the expected location with [|…|].");
        var source = marked.Remove(end, 2).Remove(start, 2);
        return (source, TextSpan.FromBounds(start, end - 2));
    }

    /// <summary>Only the attributes (post-initialization output): no method file, so no runtime helpers either.</summary>
    public static void AssertNothingGenerated(GeneratorRun run) =>
        Assert.Equal(PostInitializationFiles.Value, run.Sources.Select(s => s.HintName).ToArray());

    /// <summary>No compiler warning or error has its location in a file the generator wrote.</summary>
    public static void AssertNoProblemInGeneratedCode(GeneratorRun run)
    {
        var generated = run.Result.GeneratedTrees.ToHashSet();
        Assert.DoesNotContain(run.CompilerProblems, d => d.Location.SourceTree is { } tree && generated.Contains(tree));
    }
}
