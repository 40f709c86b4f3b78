using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Security;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Xunit;
using Xunit.Abstractions;

namespace ActivationGen.Tests;

/// <summary>
/// The package as a user gets it: <c>dotnet pack -c Release -o dir</c> at the repository root produces the generator
/// package and nothing else, and a two-project net10.0 solution that references it (one project with
/// <c>InternalsVisibleTo</c> to the other) builds with zero warnings and runs.
/// </summary>
/// <remarks>
/// The fixture packs a copy of the repository (without bin/obj), so these tests never rebuild the projects the
/// running test assembly comes from.
/// </remarks>
[Trait("Category", "Package")]
[Collection(PackageCollection.Name)]
public sealed class PackageTests(PackageFixture package, ITestOutputHelper output)
{
    [Fact]
    public void Pack_at_repository_root_produces_only_the_generator_package()
    {
        output.WriteLine(package.PackLog);
        Assert.True(package.PackExitCode == 0, "dotnet pack at the repository root failed:\n" + package.PackLog);

        var produced = Directory.GetFiles(package.RootFeed).Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal).ToArray();
        Assert.True(
            produced.Length == 1 && produced[0] == $"ActivationGen.{package.Version}.nupkg",
            $"expected only ActivationGen.{package.Version}.nupkg, got: {string.Join(", ", produced)}\n{package.PackLog}");

        AssertPackageLayout(Path.Combine(package.RootFeed, produced[0]!));
    }

    [Fact]
    public void Pack_of_the_generator_project_has_the_analyzer_layout()
    {
        var result = package.Run("dotnet", ["pack", Path.Combine("src", "ActivationGen", "ActivationGen.csproj"), "-c", "Release", "-o", package.ProjectFeed], package.RepositoryCopy);
        output.WriteLine(result.Log);
        Assert.True(result.ExitCode == 0, "dotnet pack of the generator project failed:\n" + result.Log);

        var nupkg = Path.Combine(package.ProjectFeed, $"ActivationGen.{package.Version}.nupkg");
        Assert.True(File.Exists(nupkg), $"{nupkg} was not produced:\n{result.Log}");
        AssertPackageLayout(nupkg);
    }

    [Fact]
    public void Consumer_solution_with_InternalsVisibleTo_builds_without_warnings_and_runs()
    {
        Assert.True(package.PackExitCode == 0, "dotnet pack at the repository root failed:\n" + package.PackLog);

        var consumer = Path.Combine(package.WorkRoot, "consumer");
        var packages = Path.Combine(package.WorkRoot, "consumer-packages");
        WriteConsumer(consumer, packages, package.RootFeed, package.Version, package.ExistingSources());

        var environment = new Dictionary<string, string?> { ["NUGET_PACKAGES"] = packages };
        var build = package.Run("dotnet", ["build", "Consumer.sln", "-warnaserror", "--disable-build-servers"], consumer, environment);
        output.WriteLine(build.Log);
        Assert.True(build.ExitCode == 0, "the consumer solution did not build:\n" + build.Log);
        Assert.True(Regex.IsMatch(build.Log, @"^\s*0 Warning\(s\)", RegexOptions.Multiline), "the consumer build reported warnings:\n" + build.Log);
        Assert.True(
            Directory.Exists(Path.Combine(packages, "activationgen", package.Version)),
            "ActivationGen was not restored into the private packages folder:\n" + build.Log);

        var app = Path.Combine(consumer, "App", "bin", "Debug", "net10.0", "App.dll");
        var run = package.Run("dotnet", [app], consumer);
        output.WriteLine(run.Log);
        Assert.True(run.ExitCode == 0, "the consumer app failed:\n" + run.Log);

        string[] expected =
        [
            "lib relu(-1) = 0",
            "lib relu(2.5) = 2.5",
            "lib elu(-1) = -0.316060",
            "lib elu(0) = 0.000000",
            "lib elu(3) = 3.000000",
            "app sigmoid(0) = 0.500000",
            "app elu'(-1) = 0.367879",
            "app elu'(0) = 1.000000",
            "app elu'(3) = 1.000000",
            "app softplus(0) = 0.693147",
        ];
        foreach (var line in expected)
        {
            Assert.True(run.Stdout.Contains(line, StringComparison.Ordinal), $"missing '{line}' in the app's output:\n{run.Log}");
        }
    }

    private static void AssertPackageLayout(string nupkg)
    {
        using var archive = ZipFile.OpenRead(nupkg);
        var entries = archive.Entries.Select(e => e.FullName.Replace('\\', '/')).ToArray();
        var listing = string.Join("\n", entries);

        Assert.True(entries.Contains("analyzers/dotnet/cs/ActivationGen.dll"), "no analyzers/dotnet/cs/ActivationGen.dll in the package:\n" + listing);
        Assert.True(entries.Contains("analyzers/dotnet/cs/ActivationGen.CodeFixes.dll"), "no analyzers/dotnet/cs/ActivationGen.CodeFixes.dll in the package:\n" + listing);
        Assert.True(entries.Contains("build/ActivationGen.props"), "no build/ActivationGen.props (DesignTimeBuild for the analyzer) in the package:\n" + listing);

        // Nothing a user's project would reference or copy: no lib/, ref/ or runtimes/ assemblies.
        var userAssemblies = entries
            .Where(e => e.StartsWith("lib/", StringComparison.OrdinalIgnoreCase)
                        || e.StartsWith("ref/", StringComparison.OrdinalIgnoreCase)
                        || e.StartsWith("runtimes/", StringComparison.OrdinalIgnoreCase))
            .Where(e => !e.EndsWith("/_._", StringComparison.Ordinal))
            .ToArray();
        Assert.True(userAssemblies.Length == 0, "the package holds assemblies a user's project would reference:\n" + listing);

        var nuspecEntry = archive.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.OrdinalIgnoreCase));
        using var reader = new StreamReader(nuspecEntry.Open());
        var nuspec = reader.ReadToEnd();
        Assert.True(nuspec.Contains("<id>ActivationGen</id>", StringComparison.Ordinal), nuspec);
        Assert.True(nuspec.Contains("<developmentDependency>true</developmentDependency>", StringComparison.Ordinal), nuspec);
        Assert.False(nuspec.Contains("<dependency ", StringComparison.Ordinal), "the package must not pull in dependencies:\n" + nuspec);
    }

    private static void WriteConsumer(string root, string packages, string feed, string version, IReadOnlyList<(string Name, string Url)> sources)
    {
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }

        Directory.CreateDirectory(Path.Combine(root, "Lib"));
        Directory.CreateDirectory(Path.Combine(root, "App"));
        PackageFixture.WriteIsolatedFolder(root, packages, feed, sources);

        File.WriteAllText(Path.Combine(root, "Lib", "Lib.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="ActivationGen" Version="{version}" PrivateAssets="all" />
                <InternalsVisibleTo Include="App" />
              </ItemGroup>
            </Project>
            """);

        File.WriteAllText(Path.Combine(root, "Lib", "LibActivations.cs"), """
            using ActivationGen;

            namespace Lib;

            internal static partial class LibActivations
            {
                [Relu]
                internal static partial float Relu(float x);

                [Elu(Alpha = 0.5)]
                internal static partial void Elu(ReadOnlySpan<double> x, Span<double> destination);
            }

            public sealed partial class Layer
            {
                [Softplus]
                public partial void Softplus(Span<double> values);
            }
            """);

        File.WriteAllText(Path.Combine(root, "App", "App.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <InvariantGlobalization>true</InvariantGlobalization>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="ActivationGen" Version="{version}" PrivateAssets="all" />
                <ProjectReference Include="..\Lib\Lib.csproj" />
              </ItemGroup>
            </Project>
            """);

        File.WriteAllText(Path.Combine(root, "App", "Program.cs"), """
            using System.Globalization;
            using ActivationGen;
            using Lib;

            var inv = CultureInfo.InvariantCulture;
            Console.WriteLine("lib relu(-1) = " + LibActivations.Relu(-1f).ToString(inv));
            Console.WriteLine("lib relu(2.5) = " + LibActivations.Relu(2.5f).ToString(inv));

            double[] x = [-1, 0, 3];
            var y = new double[x.Length];
            LibActivations.Elu(x, y);
            var d = new double[x.Length];
            AppActivations.EluDerivative(x, d);
            for (var i = 0; i < x.Length; i++)
            {
                Console.WriteLine($"lib elu({x[i].ToString(inv)}) = {y[i].ToString("F6", inv)}");
                Console.WriteLine($"app elu'({x[i].ToString(inv)}) = {d[i].ToString("F6", inv)}");
            }

            Console.WriteLine("app sigmoid(0) = " + AppActivations.Sigmoid(0).ToString("F6", inv));
            double[] values = [0];
            new Layer().Softplus(values);
            Console.WriteLine("app softplus(0) = " + values[0].ToString("F6", inv));

            internal static partial class AppActivations
            {
                [Sigmoid]
                internal static partial double Sigmoid(double x);

                [Elu(Derivative = true)]
                internal static partial void EluDerivative(ReadOnlySpan<double> x, Span<double> destination);
            }
            """);

        File.WriteAllText(Path.Combine(root, "Consumer.sln"), """
            Microsoft Visual Studio Solution File, Format Version 12.00
            # Visual Studio Version 17
            VisualStudioVersion = 17.0.31903.59
            MinimumVisualStudioVersion = 10.0.40219.1
            Project("{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}") = "Lib", "Lib\Lib.csproj", "{6A1E2C3D-0B7F-4C11-9E55-0D1C2B3A4F01}"
            EndProject
            Project("{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}") = "App", "App\App.csproj", "{6A1E2C3D-0B7F-4C11-9E55-0D1C2B3A4F02}"
            EndProject
            Global
            	GlobalSection(SolutionConfigurationPlatforms) = preSolution
            		Debug|Any CPU = Debug|Any CPU
            	EndGlobalSection
            	GlobalSection(ProjectConfigurationPlatforms) = postSolution
            		{6A1E2C3D-0B7F-4C11-9E55-0D1C2B3A4F01}.Debug|Any CPU.ActiveCfg = Debug|Any CPU
            		{6A1E2C3D-0B7F-4C11-9E55-0D1C2B3A4F01}.Debug|Any CPU.Build.0 = Debug|Any CPU
            		{6A1E2C3D-0B7F-4C11-9E55-0D1C2B3A4F02}.Debug|Any CPU.ActiveCfg = Debug|Any CPU
            		{6A1E2C3D-0B7F-4C11-9E55-0D1C2B3A4F02}.Debug|Any CPU.Build.0 = Debug|Any CPU
            	EndGlobalSection
            EndGlobal
            """);
    }
}

/// <summary>
/// A copy of the repository (sources only) in a temporary folder, packed once at its root with
/// <c>dotnet pack -c Release -o feed</c>; the folder is deleted when the tests are done.
/// </summary>
/// <summary>The tests that pack the repository share one pack.</summary>
[CollectionDefinition(Name)]
public sealed class PackageCollection : ICollectionFixture<PackageFixture>
{
    public const string Name = "Package";
}

public sealed class PackageFixture : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    private static readonly HashSet<string> SkippedFolders = new(StringComparer.OrdinalIgnoreCase)
    {
        "bin", "obj", ".git", ".vs", "TestResults", "artifacts", "BenchmarkDotNet.Artifacts", "plots",
    };

    public PackageFixture()
    {
        RepositoryRoot = FindRepositoryRoot();
        WorkRoot = Path.Combine(Path.GetTempPath(), "activationgen-package-" + Guid.NewGuid().ToString("N")[..12]);
        RepositoryCopy = Path.Combine(WorkRoot, "repo");
        RootFeed = Path.Combine(WorkRoot, "feed");
        ProjectFeed = Path.Combine(WorkRoot, "feed-project");
        Directory.CreateDirectory(RootFeed);
        Directory.CreateDirectory(ProjectFeed);

        Version = ReadVersion(Path.Combine(RepositoryRoot, "Directory.Build.props"));
        CopySources(RepositoryRoot, RepositoryCopy);

        var stopwatch = Stopwatch.StartNew();
        var pack = Run("dotnet", ["pack", "-c", "Release", "-o", RootFeed, "--disable-build-servers"], RepositoryCopy);
        PackExitCode = pack.ExitCode;
        PackLog = $"[{stopwatch.Elapsed.TotalSeconds:F0} s]\n{pack.Log}";

        // Prefer the version the build stamped on the package over the one read from Directory.Build.props.
        var produced = Directory.GetFiles(RootFeed, "ActivationGen.*.nupkg")
            .Select(Path.GetFileName)
            .Select(n => Regex.Match(n!, @"^ActivationGen\.(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)\.nupkg$"))
            .FirstOrDefault(m => m.Success);
        if (produced is not null)
        {
            Version = produced.Groups[1].Value;
        }
    }

    public string RepositoryRoot { get; }

    public string WorkRoot { get; }

    public string RepositoryCopy { get; }

    public string RootFeed { get; }

    public string ProjectFeed { get; }

    public string Version { get; }

    public int PackExitCode { get; }

    public string PackLog { get; }

    /// <summary>
    /// Makes <paramref name="root"/> a folder for consumer projects that sees nothing of this repository or machine: a
    /// nuget.config with the test feed, this machine's sources and a private packages folder (so no older copy of the
    /// package is reused), and empty Directory.Build.* files so MSBuild picks up nothing from the folders above.
    /// </summary>
    public static void WriteIsolatedFolder(string root, string packages, string feed, IReadOnlyList<(string Name, string Url)> sources)
    {
        var sourceLines = new StringBuilder();
        sourceLines.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"    <add key=\"activationgen-test-feed\" value=\"{SecurityElement.Escape(feed)}\" />");
        foreach (var (name, url) in sources)
        {
            sourceLines.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"    <add key=\"{SecurityElement.Escape(name)}\" value=\"{SecurityElement.Escape(url)}\" />");
        }

        File.WriteAllText(Path.Combine(root, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config>
                <add key="globalPackagesFolder" value="{SecurityElement.Escape(packages)}" />
              </config>
              <packageSources>
                <clear />
            {sourceLines}  </packageSources>
            </configuration>
            """);

        File.WriteAllText(Path.Combine(root, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(root, "Directory.Build.targets"), "<Project />\n");
        File.WriteAllText(Path.Combine(root, "Directory.Packages.props"), "<Project><PropertyGroup><ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally></PropertyGroup></Project>\n");
    }

    /// <summary>The enabled package sources of this machine (user and machine NuGet.Config), name and URL.</summary>
    public IReadOnlyList<(string Name, string Url)> ExistingSources()
    {
        var list = Run("dotnet", ["nuget", "list", "source"], RepositoryRoot);
        Assert.True(list.ExitCode == 0, "dotnet nuget list source failed:\n" + list.Log);

        var sources = new List<(string, string)>();
        var lines = list.Stdout.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        for (var i = 0; i + 1 < lines.Length; i++)
        {
            var header = Regex.Match(lines[i], @"^\s*\d+\.\s+(.+?)\s+\[(Enabled|Disabled)\]\s*$");
            if (header.Success && header.Groups[2].Value == "Enabled")
            {
                sources.Add((header.Groups[1].Value, lines[i + 1].Trim()));
            }
        }

        return sources;
    }

    public ProcessResult Run(string fileName, IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var info = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        // The test host runs under `dotnet test`: keep its MSBuild settings away from the child builds.
        foreach (var name in info.Environment.Keys.ToArray())
        {
            if (name.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)
                || name.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)
                || name.Equals("DOTNET_HOST_PATH", StringComparison.OrdinalIgnoreCase))
            {
                info.Environment.Remove(name);
            }
        }

        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        info.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        info.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        info.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        info.Environment["UseSharedCompilation"] = "false";
        if (environment is not null)
        {
            foreach (var (name, value) in environment)
            {
                info.Environment[name] = value;
            }
        }

        var stopwatch = Stopwatch.StartNew();
        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start " + fileName);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        var exited = process.WaitForExit((int)Timeout.TotalMilliseconds);
        if (!exited)
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
            }

            process.WaitForExit();
        }

        Task.WaitAll([stdout, stderr], TimeSpan.FromSeconds(30));
        var command = fileName + " " + string.Join(" ", info.ArgumentList);
        var outText = stdout.IsCompletedSuccessfully ? stdout.Result : string.Empty;
        var errText = stderr.IsCompletedSuccessfully ? stderr.Result : string.Empty;
        var log = $"$ {command}   (in {workingDirectory}, {stopwatch.Elapsed.TotalSeconds:F0} s, "
                  + (exited ? $"exit {process.ExitCode}" : $"killed after {Timeout.TotalMinutes:F0} min") + ")\n"
                  + outText + (errText.Length > 0 ? "\n[stderr]\n" + errText : string.Empty);
        return new ProcessResult(exited ? process.ExitCode : -1, outText, log);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(WorkRoot, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ActivationGen.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("ActivationGen.sln not found above " + AppContext.BaseDirectory);
    }

    private static string ReadVersion(string props)
    {
        var match = Regex.Match(File.ReadAllText(props), @"<Version>\s*([^<\s]+)\s*</Version>");
        Assert.True(match.Success, "no <Version> in " + props);
        return match.Groups[1].Value;
    }

    private static void CopySources(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
        {
            var name = Path.GetFileName(file);
            if (name != ".git")
            {
                File.Copy(file, Path.Combine(to, name));
            }
        }

        foreach (var dir in Directory.EnumerateDirectories(from))
        {
            var name = Path.GetFileName(dir);
            if (!SkippedFolders.Contains(name))
            {
                CopySources(dir, Path.Combine(to, name));
            }
        }
    }
}

public sealed record ProcessResult(int ExitCode, string Stdout, string Log);
