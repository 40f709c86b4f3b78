using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using ActivationGen.Attributes;
using ActivationGen.Diagnostics;
using ActivationGen.Emit;
using ActivationGen.Model;
using ActivationGen.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ActivationGen;

/// <summary>
/// The pipeline: one <c>ForAttributeWithMetadataName</c> per attribute turns each annotated declaration into a plain
/// <see cref="ParseResult"/>; a valid method gets one file with its kernel, an invalid one that can still have a body
/// gets one that throws (so the compiler adds no CS8795 of its own), the helpers the kernels use are written once into
/// one file that depends only on the set of them, and the diagnostics of all methods are reported beside the outputs
/// (<see cref="DiagnosticsHost"/>).
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class ActivationGenerator : IIncrementalGenerator
{
    /// <summary>Tracking names of the pipeline steps, for the caching tests.</summary>
    public static class TrackingNames
    {
        public const string Methods = nameof(Methods);
        public const string Implementations = nameof(Implementations);
        public const string Diagnostics = nameof(Diagnostics);
        public const string Helpers = nameof(Helpers);
    }

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        context.RegisterPostInitializationOutput(static post =>
        {
            post.AddEmbeddedAttributeDefinition();
            post.AddSource(AttributeSource.HintName, AttributeSource.Text);
            post.AddSource(FnSource.HintName, FnSource.Text);
        });

        var perAttribute = MethodParser.AttributeMetadataNames
            .Select(name => context.SyntaxProvider
                .ForAttributeWithMetadataName(
                    name,
                    static (node, _) => node is MethodDeclarationSyntax || OtherFunctionParser.Handles(node),
                    static (ctx, ct) => ctx.TargetNode is MethodDeclarationSyntax syntax && ctx.TargetSymbol is IMethodSymbol method
                        ? MethodParser.Parse(method, syntax, ctx.SemanticModel, ctx.Attributes, generatedImplementationIsOurs: false, ct)
                        : new ParseResult(null, null, OtherFunctionParser.Parse(ctx.TargetNode, ctx.SemanticModel, ct)))
                .WithTrackingName(TrackingNames.Methods))
            .ToArray();

        // One file per method: the kernel, or a body that throws. File names are compared across all methods once, so
        // that names that would collide get a hash (a collision would make the compiler drop every generated file).
        var implementations = perAttribute
            .Select(static results => results
                .Where(static r => r.Method is not null || r.Stub is not null)
                .Select(static (r, _) => new Implementation(r.Method, r.Stub))
                .WithTrackingName(TrackingNames.Implementations))
            .ToArray();
        var plan = implementations
            .Select(static each => each.Select(static (i, _) => (i.ReadableHintName, i.Identity)).Collect())
            .Aggregate(static (a, b) => a.Combine(b).Select(static (pair, _) => pair.Left.AddRange(pair.Right)))
            .Select(static (all, _) => HintNames.Plan(all));
        foreach (var each in implementations)
        {
            context.RegisterSourceOutput(each.Combine(plan), static (spc, input) =>
            {
                var (implementation, names) = input;
                if (HintNames.For(implementation.ReadableHintName, implementation.Identity, names) is { } hintName)
                {
                    spc.AddSource(hintName, implementation.Text);
                }
            });
        }

        // The helpers file depends only on the set of helpers the kernels use: a method that needs no new helper leaves
        // the set equal, so the file is not written again.
        var helpers = implementations
            .Select(static each => each
                .Select(static (i, _) => i.Helpers)
                .Collect()
                .Select(static (sets, _) => sets.SelectMany(static set => set).ToImmutableArray()))
            .Aggregate(static (a, b) => a.Combine(b).Select(static (pair, _) => pair.Left.AddRange(pair.Right)))
            .Select(static (all, _) => all.Distinct().OrderBy(static name => name, System.StringComparer.Ordinal).ToEquatableArray())
            .WithTrackingName(TrackingNames.Helpers);
        context.RegisterSourceOutput(helpers, static (spc, names) =>
        {
            if (names.Count > 0)
            {
                spc.AddSource(HelperSource.HintName, HelperSource.Emit(names));
            }
        });

        // The diagnostics travel as plain data and meet the compilation only here, to be located in its syntax trees.
        var diagnostics = perAttribute
            .Select(static results => results.SelectMany(static (r, _) => r.Diagnostics).Collect())
            .Aggregate(static (a, b) => a.Combine(b).Select(static (pair, _) => pair.Left.AddRange(pair.Right)))
            .Select(static (all, _) => all.Distinct().ToEquatableArray())
            .WithTrackingName(TrackingNames.Diagnostics);
        var designTime = context.AnalyzerConfigOptionsProvider.Select(static (options, _) => DiagnosticsHost.IsDesignTime(options.GlobalOptions));
        context.RegisterSourceOutput(diagnostics.Combine(designTime).Combine(context.CompilationProvider), static (spc, input) =>
        {
            var ((all, isDesignTime), compilation) = input;
            if (isDesignTime || all.Count == 0)
            {
                return;
            }

            // A path that names more than one tree (possible only in-memory) gets a location by path and lines.
            var trees = new Dictionary<string, SyntaxTree?>();
            foreach (var tree in compilation.SyntaxTrees)
            {
                trees[tree.FilePath] = trees.ContainsKey(tree.FilePath) ? null : tree;
            }

            foreach (var diagnostic in all)
            {
                spc.ReportDiagnostic(diagnostic.ToDiagnostic(trees.TryGetValue(diagnostic.FilePath, out var tree) ? tree : null));
            }
        });
    }

    /// <summary>
    /// What is written for one method: its kernel or, for a method with errors, a body that throws. The text is written
    /// once, here, and both the file and the set of helpers it calls come from it.
    /// </summary>
    private sealed record Implementation(MethodModel? Method, StubModel? Stub)
    {
        public string ReadableHintName { get; } = HintNames.Readable(Method, Stub);

        public string Text { get; } = Method is not null ? MethodEmitter.Emit(Method) : StubEmitter.Emit(Stub!);

        /// <summary>The helpers the text calls, with what they require (none for a stub).</summary>
        public EquatableArray<string> Helpers => Method is null ? EquatableArray<string>.Empty : MethodEmitter.RequiredHelpers(Text);

        public string Identity => (Method?.Declaration ?? Stub!.Declaration).Identity;
    }
}
