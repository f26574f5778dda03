using System.Net;
using Masthead.Accounts;
using Masthead.IntegrationTests.Admin;
using Masthead.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Masthead.IntegrationTests.Media;

/// <summary>A picture's description is part of every page that shows it: who may change it.</summary>
public sealed class MediaPermissionTests(NewsroomApp app) : IClassFixture<NewsroomApp>
{
    [Fact]
    public async Task A_contributor_cannot_change_the_details_of_a_colleagues_picture_but_an_editor_can()
    {
        var imageId = await app.WithDbAsync(async db =>
        {
            var image = new Masthead.Media.Image { FileName = $"{Guid.NewGuid():n}.png", Width = 10, Height = 10, AltText = "Ships in the harbour", CreatedAt = DateTime.UtcNow };
            db.Images.Add(image);
            await db.SaveChangesAsync();
            return image.Id;
        });
        using var contributor = new Reader(app);
        await Staff.SignInAsync(contributor, await Staff.CreateAsync(app, StaffRoles.Contributor));
        var page = await contributor.OpenAsync($"/admin/media/{imageId}");
        Assert.Equal(HttpStatusCode.OK, page.Status);

        var refused = await contributor.PostAsync($"/admin/media/{imageId}", Reader.Form(page, "form.media-details", ("AltText", "Something else entirely")));

        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.Contains("Only editors and the person who uploaded", refused.Body);
        Assert.Equal("Ships in the harbour", await app.WithDbAsync(db => db.Images.Where(i => i.Id == imageId).Select(i => i.AltText).SingleAsync()));

        using var editor = new Reader(app);
        await Staff.SignInAsync(editor, await Staff.CreateAsync(app, StaffRoles.Editor));
        var editorPage = await editor.OpenAsync($"/admin/media/{imageId}");
        var saved = await editor.PostAsync($"/admin/media/{imageId}", Reader.Form(editorPage, "form.media-details", ("AltText", "Two ships at the quay")));
        Assert.Equal(HttpStatusCode.SeeOther, saved.Status);
        Assert.Equal("Two ships at the quay", await app.WithDbAsync(db => db.Images.Where(i => i.Id == imageId).Select(i => i.AltText).SingleAsync()));
    }
}
