using System.Collections.Immutable;
using System.Linq;
using ActivationGen.Attributes;
using ActivationGen.Emit;
using ActivationGen.Model;
using ActivationGen.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ActivationGen;

/// <summary>
/// The pipeline: one <c>ForAttributeWithMetadataName</c> per attribute turns each annotated method into a plain
/// <see cref="MethodModel"/> (methods with errors are skipped here; <see cref="Diagnostics.ActivationAnalyzer"/>
/// reports them), then one file per method, plus the shared runtime helpers once when any method was generated.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class ActivationGenerator : IIncrementalGenerator
{
    /// <summary>Tracking names of the pipeline steps, for the caching tests.</summary>
    public static class TrackingNames
    {
        public const string Methods = nameof(Methods);
        public const string AllMethods = nameof(AllMethods);
        public const string Valid = nameof(Valid);
        public const string UsesRuntime = nameof(UsesRuntime);
    }

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        context.RegisterPostInitializationOutput(static post =>
        {
            post.AddEmbeddedAttributeDefinition();
            post.AddSource(AttributeSource.HintName, AttributeSource.Text);
        });

        var perAttribute = MethodParser.AttributeMetadataNames
            .Select(name => context.SyntaxProvider
                .ForAttributeWithMetadataName(
                    name,
                    static (node, _) => node is MethodDeclarationSyntax,
                    static (ctx, ct) => ctx.TargetSymbol is IMethodSymbol method
                        ? MethodParser.Parse(method, (MethodDeclarationSyntax)ctx.TargetNode, ctx.SemanticModel.Compilation, generatedImplementationIsOurs: false, report: null, ct)
                        : null)
                .WithTrackingName(TrackingNames.Methods)
                .Where(static model => model is not null)
                .Select(static (model, _) => model!)
                .WithTrackingName(TrackingNames.Valid))
            .ToArray();

        foreach (var methods in perAttribute)
        {
            context.RegisterSourceOutput(methods, static (spc, method) => spc.AddSource(method.HintName, MethodEmitter.Emit(method)));
        }

        var anyMethod = perAttribute
            .Select(static methods => methods.Collect().WithTrackingName(TrackingNames.AllMethods).Select(static (all, _) => !all.IsEmpty))
            .Aggregate(static (a, b) => a.Combine(b).Select(static (pair, _) => pair.Left || pair.Right))
            .WithTrackingName(TrackingNames.UsesRuntime);

        context.RegisterSourceOutput(anyMethod, static (spc, any) =>
        {
            if (any)
            {
                spc.AddSource(RuntimeSource.HintName, RuntimeSource.Text);
            }
        });
    }
}
