using Fashen.ReviewUi.Access;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;

namespace Fashen.ReviewUi;

/// <summary>How the host mounts the review pages: Razor Pages from this assembly, a session cookie for
/// people signed in through the sign-in page, and the style sheet and script under <c>/assets</c>.</summary>
public static class ReviewUiSetup
{
    /// <summary>The authentication scheme of the pages' session cookie.</summary>
    public const string CookieScheme = "FashenUi";

    /// <summary>The authorization policy every page but sign-in requires.</summary>
    public const string Policy = "FashenUi";

    /// <summary>Registers the pages. The host registers the cookie scheme with <see cref="ConfigureCookie"/>
    /// and an <see cref="IPeopleDirectory"/>.</summary>
    /// <param name="services">The host's services.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddReviewUi(this IServiceCollection services)
    {
        services.AddRazorPages(options =>
            {
                options.Conventions.AuthorizeFolder("/", Policy);
                options.Conventions.AllowAnonymousToPage("/SignIn");
                options.Conventions.ConfigureFilter(new Forms.ExpiredFormFilter());
            })
            .AddApplicationPart(typeof(ReviewUiSetup).Assembly);
        services.AddAuthorizationBuilder().AddPolicy(Policy, policy => policy.AddAuthenticationSchemes(CookieScheme).RequireAuthenticatedUser());

        // Forms carry an antiforgery token; the script sends the same token with the fields it saves.
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "fashen-csrf";
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.FormFieldName = "__RequestVerificationToken";
        });
        return services;
    }

    /// <summary>Settings of the pages' session cookie.</summary>
    /// <param name="options">The cookie options.</param>
    public static void ConfigureCookie(CookieAuthenticationOptions options)
    {
        options.LoginPath = "/signin";
        options.LogoutPath = "/signout";
        options.AccessDeniedPath = "/signin";
        options.Cookie.Name = "fashen-session";
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Lax;
        options.ExpireTimeSpan = TimeSpan.FromHours(8);
        options.SlidingExpiration = true;
    }

    /// <summary>Serves the style sheet and script; call before authentication, they are not secret.</summary>
    /// <param name="app">The host.</param>
    /// <returns>The host.</returns>
    public static IApplicationBuilder UseReviewUiAssets(this IApplicationBuilder app) => app.UseStaticFiles(new StaticFileOptions
    {
        FileProvider = new EmbeddedFileProvider(typeof(ReviewUiSetup).Assembly, "Fashen.ReviewUi.wwwroot"),
        RequestPath = "/assets",
        OnPrepareResponse = context => context.Context.Response.Headers.CacheControl = "no-cache",
    });

    /// <summary>Maps the pages.</summary>
    /// <param name="routes">The host's routes.</param>
    /// <returns>The routes.</returns>
    public static IEndpointRouteBuilder MapReviewUi(this IEndpointRouteBuilder routes)
    {
        routes.MapRazorPages();
        return routes;
    }
}
