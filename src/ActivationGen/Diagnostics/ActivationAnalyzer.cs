using System.Collections.Immutable;
using System.Linq;
using ActivationGen.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ActivationGen.Diagnostics;

/// <summary>
/// Reports every reason an annotated method cannot be generated, using the same parser as the generator
/// (so what it accepts is exactly what gets generated). Also flags activation attributes on local functions.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ActivationAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.NotPartial,
        DiagnosticDescriptors.HasBody,
        DiagnosticDescriptors.GenericMethod,
        DiagnosticDescriptors.UnsupportedSignature,
        DiagnosticDescriptors.MixedElementTypes,
        DiagnosticDescriptors.MultipleActivations,
        DiagnosticDescriptors.DerivativeOnGradientShape,
        DiagnosticDescriptors.NonFiniteParameter,
        DiagnosticDescriptors.CountOutOfRange,
        DiagnosticDescriptors.FromGreaterThanTo,
        DiagnosticDescriptors.UnsupportedTargetFramework,
        DiagnosticDescriptors.UnsupportedContainingType);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterSyntaxNodeAction(AnalyzeMethod, SyntaxKind.MethodDeclaration);
        context.RegisterSyntaxNodeAction(AnalyzeLocalFunction, SyntaxKind.LocalFunctionStatement);
    }

    private static void AnalyzeMethod(SyntaxNodeAnalysisContext context)
    {
        var syntax = (MethodDeclarationSyntax)context.Node;
        if (syntax.AttributeLists.Count == 0
            || context.SemanticModel.GetDeclaredSymbol(syntax, context.CancellationToken) is not { } method)
        {
            return;
        }

        MethodParser.Parse(method, syntax, context.Compilation, generatedImplementationIsOurs: true, context.ReportDiagnostic, context.CancellationToken);
    }

    private static void AnalyzeLocalFunction(SyntaxNodeAnalysisContext context)
    {
        var syntax = (LocalFunctionStatementSyntax)context.Node;
        if (syntax.AttributeLists.Count == 0
            || context.SemanticModel.GetDeclaredSymbol(syntax, context.CancellationToken) is not IMethodSymbol function
            || !function.GetAttributes().Any(MethodParser.IsActivationAttribute))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.NotPartial, syntax.Identifier.GetLocation(), function.Name, "a method of the containing type (a local function cannot be partial)"));
    }
}
