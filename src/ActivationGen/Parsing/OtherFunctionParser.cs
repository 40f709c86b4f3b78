using System.Collections.Generic;
using System.Linq;
using System.Threading;
using ActivationGen.Diagnostics;
using ActivationGen.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ActivationGen.Parsing;

/// <summary>
/// Activation attributes on local functions, accessors, operators, finalizers and lambdas: the compiler accepts a
/// method-targeted attribute there, but ActivationGen implements only partial methods, so each gets AGEN0001 instead
/// of silently doing nothing.
/// </summary>
internal static class OtherFunctionParser
{
    /// <summary>Whether the node is one of the functions this parser reports on.</summary>
    public static bool Handles(SyntaxNode node) =>
        node is LocalFunctionStatementSyntax or AccessorDeclarationSyntax or OperatorDeclarationSyntax
            or ConversionOperatorDeclarationSyntax or DestructorDeclarationSyntax or LambdaExpressionSyntax;

    public static EquatableArray<DiagnosticInfo> Parse(SyntaxNode node, SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        var (lists, what) = node switch
        {
            LocalFunctionStatementSyntax f => (f.AttributeLists, "local functions"),
            AccessorDeclarationSyntax a => (a.AttributeLists, "accessors"),
            OperatorDeclarationSyntax o => (o.AttributeLists, "operators"),
            ConversionOperatorDeclarationSyntax c => (c.AttributeLists, "conversion operators"),
            DestructorDeclarationSyntax d => (d.AttributeLists, "finalizers"),
            LambdaExpressionSyntax l => (l.AttributeLists, "lambdas"),
            _ => (default(SyntaxList<AttributeListSyntax>), string.Empty),
        };

        var diagnostics = new List<DiagnosticInfo>();
        foreach (var list in lists)
        {
            if (list.Target is { } target && !target.Identifier.IsKind(SyntaxKind.MethodKeyword))
            {
                continue;
            }

            foreach (var attribute in list.Attributes)
            {
                if (semanticModel.GetTypeInfo(attribute, cancellationToken).Type is not INamedTypeSymbol type
                    || !MethodParser.AttributeMetadataNames.Contains(type.ToDisplayString()))
                {
                    continue;
                }

                var location = node is LocalFunctionStatementSyntax local ? local.Identifier.GetLocation() : attribute.GetLocation();
                var name = node switch
                {
                    LocalFunctionStatementSyntax named => named.Identifier.ValueText,
                    LambdaExpressionSyntax => "lambda",
                    _ => semanticModel.GetDeclaredSymbol(node, cancellationToken)?.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat) ?? string.Empty,
                };
                diagnostics.Add(DiagnosticInfo.Create(
                    DiagnosticDescriptors.NotPartial,
                    location,
                    name,
                    "a method of the containing type and put the attribute there (ActivationGen implements partial methods, not " + what + ")"));
            }
        }

        return diagnostics.Distinct().ToEquatableArray();
    }
}
