using System.Collections.Immutable;
using System.Linq;
using ActivationGen.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ActivationGen.Diagnostics;

/// <summary>
/// Reports ActivationGen's errors in the IDE and in <c>dotnet format</c>, where code fixes need analyzer diagnostics.
/// It uses the generator's parser, so the two agree; and it reports only in design-time builds
/// (<see cref="DiagnosticsHost"/>), where the generator keeps quiet: each error is shown once wherever it is seen.
/// On the command line the generator reports, because the compiler runs no analyzer once a compilation has an error.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ActivationAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = DiagnosticDescriptors.Descriptors.ToImmutableArray();

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (!DiagnosticsHost.IsDesignTime(start.Options.AnalyzerConfigOptionsProvider.GlobalOptions))
            {
                return;
            }

            // An error inside an [Activation] definition is found from every method that uses it: report it once.
            var reported = new System.Collections.Concurrent.ConcurrentDictionary<Model.DiagnosticInfo, bool>();
            start.RegisterSyntaxNodeAction(context => AnalyzeMethod(context, reported), SyntaxKind.MethodDeclaration);
            start.RegisterSyntaxNodeAction(
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
        });
    }

    private static void AnalyzeMethod(SyntaxNodeAnalysisContext context, System.Collections.Concurrent.ConcurrentDictionary<Model.DiagnosticInfo, bool> reported)
    {
        var syntax = (MethodDeclarationSyntax)context.Node;
        if (syntax.AttributeLists.Count == 0
            || context.SemanticModel.GetDeclaredSymbol(syntax, context.CancellationToken) is not { } method)
        {
            return;
        }

        var result = MethodParser.Parse(method, syntax, context.SemanticModel, trigger: default, generatedImplementationIsOurs: true, context.CancellationToken);
        foreach (var diagnostic in result.Diagnostics)
        {
            var tree = diagnostic.FilePath == syntax.SyntaxTree.FilePath ? syntax.SyntaxTree
                : context.SemanticModel.Compilation.SyntaxTrees.FirstOrDefault(t => t.FilePath == diagnostic.FilePath);
            if (reported.TryAdd(diagnostic, true))
            {
                context.ReportDiagnostic(diagnostic.ToDiagnostic(tree));
            }
        }
    }

    private static void AnalyzeOtherFunction(SyntaxNodeAnalysisContext context)
    {
        foreach (var diagnostic in OtherFunctionParser.Parse(context.Node, context.SemanticModel, context.CancellationToken))
        {
            context.ReportDiagnostic(diagnostic.ToDiagnostic(context.Node.SyntaxTree));
        }
    }
}
