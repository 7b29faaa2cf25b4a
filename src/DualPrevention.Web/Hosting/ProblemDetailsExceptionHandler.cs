using DualPrevention.Core;
using DualPrevention.Core.Localization;
using FluentValidation;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace DualPrevention.Web.Hosting;

/// <summary>
/// Answers API failures as RFC 9457 ProblemDetails: validation → 400 with field errors, a refused domain rule →
/// 400, a role or function that does not allow the action → 403, a permit's step refused by its state or a rule → 409 with every reason (ADR 0045), a lost race on a unique key → 409 with a readable reason, a
/// quota reached → 429 with Retry-After, a value outside a CHECK constraint (a date outside
/// the world, ADR 0016; a number outside its range, ADR 0024) → 400, a body value of the wrong type or beyond its type
/// (1e308 for a decimal, "NaN") → 400 naming the field by its JSON path, not found or outside scope → 404, unreadable requests (malformed JSON, wrong types, missing antiforgery
/// token, text PostgreSQL cannot store such as a NUL character) → 400, the database unable to serve now (no pooled
/// connection in time, down or restarting) → 503 with Retry-After, logged as a warning. Anything else is logged and
/// becomes a 500 without internals.
/// </summary>
internal sealed partial class ProblemDetailsExceptionHandler(IProblemDetailsService problemDetails, ILogger<ProblemDetailsExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ProblemDetails? problem = exception switch
        {
            ValidationException validation => new HttpValidationProblemDetails(
                validation.Errors.GroupBy(e => e.PropertyName).ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).ToArray()))
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "Validation failed",
            },
            QuotaExceededException quota => new ProblemDetails { Status = StatusCodes.Status429TooManyRequests, Title = "Too many requests", Detail = quota.Message },
            ConflictException conflict => new ProblemDetails { Status = StatusCodes.Status409Conflict, Title = "Conflict", Detail = conflict.Message },
            _ when IsPostgres(exception, Npgsql.PostgresErrorCodes.UniqueViolation) => new ProblemDetails { Status = StatusCodes.Status409Conflict, Title = "Conflict", Detail = CoreText.Get("Request.Conflict") },
            _ when IsOutsideWorld(exception) => new ProblemDetails { Status = StatusCodes.Status400BadRequest, Title = "Bad request", Detail = WorldDates.Refusal() },
            _ when OutOfRange(exception) is { } constraint => new ProblemDetails { Status = StatusCodes.Status400BadRequest, Title = "Bad request", Detail = CoreText.Get("Request.OutOfRange", constraint) },
            // A permit's step its state or a rule refuses (ADR 0045): 409, every reason in the detail and by key.
            Core.Permits.PermitRefusedException refused => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "Refused",
                Detail = refused.Message,
                Extensions = { ["reasons"] = refused.Refusals.Select(r => new { r.Key, r.Text }).ToArray() },
            },
            ForbiddenException forbidden => new ProblemDetails { Status = StatusCodes.Status403Forbidden, Title = "Forbidden", Detail = forbidden.Message },
            DomainRuleException rule => new ProblemDetails { Status = StatusCodes.Status400BadRequest, Title = "Refused", Detail = rule.Message },
            NotFoundException notFound => new ProblemDetails { Status = StatusCodes.Status404NotFound, Title = "Not found", Detail = notFound.Message },
            BadHttpRequestException { InnerException: System.Text.Json.JsonException { Path: { Length: > 1 } path } } => new HttpValidationProblemDetails(
                new Dictionary<string, string[]> { [path.TrimStart('$', '.')] = [CoreText.Get("Request.UnreadableField")] })
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "Bad request",
                Detail = CoreText.Get("Request.Unreadable"),
            },
            // A polymorphic body without its discriminator (a permit's details without their kind, ADR 0045) names its path.
            NotSupportedException unsupported when DiscriminatorMissing().Match(unsupported.Message) is { Success: true } missing => new HttpValidationProblemDetails(
                new Dictionary<string, string[]> { [missing.Groups[1].Value.TrimStart('$', '.')] = [CoreText.Get("Request.UnreadableField")] })
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "Bad request",
                Detail = CoreText.Get("Request.Unreadable"),
            },
            BadHttpRequestException badRequest => new ProblemDetails { Status = badRequest.StatusCode, Title = "Bad request", Detail = CoreText.Get("Request.Unreadable") },
            _ when IsUnstorableText(exception) => new ProblemDetails { Status = StatusCodes.Status400BadRequest, Title = "Bad request", Detail = CoreText.Get("Request.UnstorableText") },
            Microsoft.AspNetCore.Antiforgery.AntiforgeryValidationException => new ProblemDetails { Status = StatusCodes.Status400BadRequest, Title = "Antiforgery token missing or invalid" },
            _ when DatabaseUnavailable.Is(exception) => new ProblemDetails { Status = StatusCodes.Status503ServiceUnavailable, Title = "Service unavailable", Detail = CoreText.Get("Request.DatabaseUnavailable") },
            _ => null,
        };
        if (problem is null)
        {
            return false;
        }

        if (problem.Status == StatusCodes.Status503ServiceUnavailable)
        {
            LogDatabaseUnavailable(logger, exception, httpContext.Request.Path);
            httpContext.Response.Headers.RetryAfter = DatabaseUnavailable.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        if (exception is QuotaExceededException { RetryAfter: var retryAfter })
        {
            httpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    private static bool IsPostgres(Exception exception, string sqlState) =>
        (exception as Npgsql.PostgresException ?? exception.InnerException as Npgsql.PostgresException)?.SqlState == sqlState;

    /// <summary>A value refused by one of the CHECK constraints that hold dates to the world (named <c>ck_…_in_world</c>).</summary>
    private static bool IsOutsideWorld(Exception exception) =>
        (exception as Npgsql.PostgresException ?? exception.InnerException as Npgsql.PostgresException) is { SqlState: Npgsql.PostgresErrorCodes.CheckViolation, ConstraintName: { } name }
        && name.EndsWith("_in_world", StringComparison.Ordinal);

    /// <summary>
    /// The column a CHECK constraint holding a number to its domain range (named <c>ck_&lt;table&gt;_&lt;column&gt;_in_range</c>,
    /// ADR 0024) refused, as <c>table.column</c>; validators answer first, so this is the last line.
    /// </summary>
    private static string? OutOfRange(Exception exception) =>
        (exception as Npgsql.PostgresException ?? exception.InnerException as Npgsql.PostgresException) is { SqlState: Npgsql.PostgresErrorCodes.CheckViolation, ConstraintName: { } name, TableName: { } table }
        && name.EndsWith("_in_range", StringComparison.Ordinal) && name.StartsWith($"ck_{table}_", StringComparison.Ordinal)
            ? $"{table}.{name[(table.Length + 4)..^"_in_range".Length]}"
            : null;

    /// <summary>PostgreSQL refuses NUL characters in text (22P05, 22021): the client's input, not a server fault.</summary>
    private static bool IsUnstorableText(Exception exception) =>
        (exception as Npgsql.PostgresException ?? exception.InnerException as Npgsql.PostgresException) is { SqlState: "22P05" or "22021" };

    [LoggerMessage(Level = LogLevel.Warning, Message = "The database could not serve {Path}; answered 503")]
    private static partial void LogDatabaseUnavailable(ILogger logger, Exception exception, PathString path);

    [System.Text.RegularExpressions.GeneratedRegex(@"must specify a type discriminator\. Path: (\S+)")]
    private static partial System.Text.RegularExpressions.Regex DiscriminatorMissing();
}
