using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NJsonSchema.CodeGeneration.CSharp;
using NSwag;
using NSwag.CodeGeneration.CSharp;
using NSwag.CodeGeneration.OperationNameGenerators;

namespace DualPrevention.Web.Tests.Hosting;

/// <summary>
/// A C# client generated from the live OpenAPI document as a client developer would make one: NSwag's C# generator
/// (System.Text.Json, one client class, method names from the operation ids), compiled in memory with Roslyn. The
/// test calls it through <c>dynamic</c>, since its types exist only once the document has been read.
/// </summary>
internal sealed class GeneratedClient
{
    public const string Namespace = "DualPreventionApi";

    private readonly Assembly _assembly;

    private GeneratedClient(Assembly assembly) => _assembly = assembly;

    /// <summary>Reads <c>/openapi/v1.json</c> through <paramref name="http"/>, generates the client and compiles it.</summary>
    /// <exception cref="InvalidOperationException">The generated code does not compile; the message lists the errors.</exception>
    public static async Task<GeneratedClient> FromDocumentAsync(HttpClient http)
    {
        var document = await OpenApiDocument.FromJsonAsync(await http.GetStringAsync("/openapi/v1.json"));
        var settings = new CSharpClientGeneratorSettings
        {
            ClassName = "DualPreventionClient",
            OperationNameGenerator = new SingleClientFromOperationIdOperationNameGenerator(),
            UseBaseUrl = false,
            GenerateClientInterfaces = false,
            CSharpGeneratorSettings = { Namespace = Namespace, JsonLibrary = CSharpJsonLibrary.SystemTextJson },
        };
        var code = new CSharpClientGenerator(document, settings).GenerateFile();
        return new GeneratedClient(Compile(code));
    }

    /// <summary>The client over <paramref name="http"/>, whose base address is the host.</summary>
    public dynamic Client(HttpClient http) => Activator.CreateInstance(Type("DualPreventionClient"), http)!;

    /// <summary>A generated model with the properties of <paramref name="values"/> (same names) set.</summary>
    public dynamic Model(string name, object values)
    {
        var model = Activator.CreateInstance(Type(name))!;
        foreach (var value in values.GetType().GetProperties())
        {
            var property = model.GetType().GetProperty(value.Name) ?? throw new InvalidOperationException($"{name} has no property {value.Name}.");
            property.SetValue(model, value.GetValue(values));
        }

        return model;
    }

    /// <summary>A member of a generated enum, by its name in the document.</summary>
    public object EnumMember(string enumName, string member) => Enum.Parse(Type(enumName), member);

    public Type Type(string name) => _assembly.GetType($"{Namespace}.{name}") ?? throw new InvalidOperationException($"The generated client has no type {name}.");

    private static Assembly Compile(string code)
    {
        // The test process's own framework assemblies are what a client project would reference.
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator).Select(path => MetadataReference.CreateFromFile(path));
        var compilation = CSharpCompilation.Create(
            Namespace,
            [CSharpSyntaxTree.ParseText(code)],
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        if (!emitted.Success)
        {
            var errors = emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(10);
            throw new InvalidOperationException("The generated client does not compile:\n" + string.Join("\n", errors));
        }

        return Assembly.Load(image.ToArray());
    }
}
