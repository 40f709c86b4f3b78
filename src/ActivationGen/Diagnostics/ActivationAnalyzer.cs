using System.Collections.Immutable;
using ActivationGen.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ActivationGen.Diagnostics;

/// <summary>
/// Reports every reason an annotated method cannot be generated, using the same parser as the generator
/// (so what it accepts is exactly what gets generated). Also flags activation attributes on local functions,
/// accessors, operators, finalizers and lambdas, which the compiler accepts but the generator does not implement.
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
        DiagnosticDescriptors.UnsupportedContainingType,
        DiagnosticDescriptors.ParameterOutOfRange,
        DiagnosticDescriptors.MinNotLessThanMax,
        DiagnosticDescriptors.FromOutputUnsupported);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterSyntaxNodeAction(AnalyzeMethod, SyntaxKind.MethodDeclaration);
        context.RegisterSyntaxNodeAction(
            AnalyzeOtherFunction,
            SyntaxKind.LocalFunctionStatement,
            SyntaxKind.GetAccessorDeclaration,
            SyntaxKind.SetAccessorDeclaration,
            SyntaxKind.InitAccessorDeclaration,
            SyntaxKind.AddAccessorDeclaration,
            SyntaxKind.RemoveAccessorDeclaration,
            SyntaxKind.OperatorDeclaration,
            SyntaxKind.ConversionOperatorDeclaration,
            SyntaxKind.DestructorDeclaration,
            SyntaxKind.ParenthesizedLambdaExpression,
            SyntaxKind.SimpleLambdaExpression);
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

    /// <summary>
    /// The compiler accepts a method-targeted attribute on these too, but the generator implements only partial
    /// methods: without this report the attribute would silently do nothing.
    /// </summary>
    private static void AnalyzeOtherFunction(SyntaxNodeAnalysisContext context)
    {
        var (lists, what) = context.Node switch
        {
            LocalFunctionStatementSyntax f => (f.AttributeLists, "local functions"),
            AccessorDeclarationSyntax a => (a.AttributeLists, "accessors"),
            OperatorDeclarationSyntax o => (o.AttributeLists, "operators"),
            ConversionOperatorDeclarationSyntax c => (c.AttributeLists, "conversion operators"),
            DestructorDeclarationSyntax d => (d.AttributeLists, "finalizers"),
            LambdaExpressionSyntax l => (l.AttributeLists, "lambdas"),
            _ => (default(SyntaxList<AttributeListSyntax>), string.Empty),
        };

        foreach (var list in lists)
        {
            if (list.Target is { } target && !target.Identifier.IsKind(SyntaxKind.MethodKeyword))
            {
                continue;
            }

            foreach (var attribute in list.Attributes)
            {
                if (context.SemanticModel.GetTypeInfo(attribute, context.CancellationToken).Type is not INamedTypeSymbol type
                    || !MethodParser.AttributeMetadataNames.Contains(type.ToDisplayString()))
                {
                    continue;
                }

                var location = context.Node is LocalFunctionStatementSyntax local ? local.Identifier.GetLocation() : attribute.GetLocation();
                var name = context.Node switch
                {
                    LocalFunctionStatementSyntax named => named.Identifier.ValueText,
                    LambdaExpressionSyntax => "lambda",
                    _ => context.SemanticModel.GetDeclaredSymbol(context.Node, context.CancellationToken)?.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat) ?? string.Empty,
                };
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.NotPartial,
                    location,
                    name,
                    "a method of the containing type and put the attribute there (ActivationGen implements partial methods, not " + what + ")"));
            }
        }
    }
}
