/* test-draft.c — wizard drafts saved under the user's state directory
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gstdio.h>

#include "core-test-util.h"

/* Drafts */

static GVariant *
make_draft (const char *account_name)
{
  g_auto(GVariantDict) dict = G_VARIANT_DICT_INIT (NULL);
  const char *users[] = { "anna@example.com", "luca@example.com", NULL };

  g_variant_dict_insert (&dict, "account-name", "s", account_name);
  g_variant_dict_insert (&dict, "users", "^as", users);
  g_variant_dict_insert (&dict, "page", "u", 2);
  return g_variant_dict_end (&dict);
}

static void
test_draft_round_trip (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) loaded = NULL;
  g_autoptr(GVariant) expected = g_variant_ref_sink (make_draft ("Trattoria “Da Mario” 東京"));
  g_autoptr(GFile) file = sa_draft_get_file (SA_DRAFT_ACCOUNT_REQUEST);
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *expected_dir = g_build_filename (g_getenv ("XDG_STATE_HOME"),
                                                    "smart-account-desk", "drafts", NULL);
  GStatBuf st;

  /* Under the (test's) XDG_STATE_HOME. */
  g_assert_true (g_str_has_prefix (path, expected_dir));
  g_assert_true (g_str_has_suffix (path, "/account-request.gvariant"));

  /* Nothing yet: NULL without an error. */
  loaded = core_test_draft_load (SA_DRAFT_ACCOUNT_REQUEST, &error);
  g_assert_no_error (error);
  g_assert_null (loaded);

  g_assert_true (core_test_draft_save (SA_DRAFT_ACCOUNT_REQUEST, make_draft ("Trattoria “Da Mario” 東京"), &error));
  g_assert_no_error (error);

  /* Readable by the user only. */
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0077, ==, 0);

  loaded = core_test_draft_load (SA_DRAFT_ACCOUNT_REQUEST, &error);
  g_assert_no_error (error);
  g_assert_nonnull (loaded);
  g_assert_true (g_variant_is_of_type (loaded, G_VARIANT_TYPE_VARDICT));
  g_assert_true (g_variant_equal (loaded, expected));
  g_clear_pointer (&loaded, g_variant_unref);

  /* Another draft name is independent. */
  loaded = core_test_draft_load (SA_DRAFT_ACCESS_REQUEST, &error);
  g_assert_no_error (error);
  g_assert_null (loaded);

  g_assert_true (core_test_draft_remove (SA_DRAFT_ACCOUNT_REQUEST, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  loaded = core_test_draft_load (SA_DRAFT_ACCOUNT_REQUEST, &error);
  g_assert_no_error (error);
  g_assert_null (loaded);

  /* Removing nothing is fine. */
  g_assert_true (core_test_draft_remove (SA_DRAFT_ACCOUNT_REQUEST, &error));
  g_assert_no_error (error);
}

static void
test_draft_serialised (void)
{
  GAsyncResult *slots[6] = { NULL, };
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) loaded = NULL;
  g_autoptr(GVariant) last = g_variant_ref_sink (make_draft ("version 5"));

  /* Several saves in a row: every one completes, the last one wins. */
  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *name = g_strdup_printf ("version %u", i + 1);

      sa_draft_save_async (SA_DRAFT_ACCESS_REQUEST, make_draft (name), NULL, core_test_on_ready, &slots[i]);
    }
  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(GAsyncResult) result = core_test_wait (&slots[i]);

      g_assert_true (sa_draft_save_finish (result, &error));
      g_assert_no_error (error);
    }

  loaded = core_test_draft_load (SA_DRAFT_ACCESS_REQUEST, &error);
  g_assert_no_error (error);
  g_assert_true (g_variant_equal (loaded, last));
  g_clear_pointer (&loaded, g_variant_unref);

  /* A save then a remove at once: the remove comes last, the draft stays gone. */
  sa_draft_save_async (SA_DRAFT_ACCESS_REQUEST, make_draft ("late"), NULL, core_test_on_ready, &slots[0]);
  sa_draft_remove_async (SA_DRAFT_ACCESS_REQUEST, NULL, core_test_on_ready, &slots[1]);
  {
    g_autoptr(GAsyncResult) saved = core_test_wait (&slots[0]);
    g_autoptr(GAsyncResult) removed = core_test_wait (&slots[1]);

    g_assert_true (sa_draft_save_finish (saved, NULL));
    g_assert_true (sa_draft_remove_finish (removed, NULL));
  }
  loaded = core_test_draft_load (SA_DRAFT_ACCESS_REQUEST, &error);
  g_assert_no_error (error);
  g_assert_null (loaded);
}

/* A load asked for while a save or removal is under way reads what it
 * leaves: never the state before it, never half a file. */
static void
test_draft_load_waits (void)
{
  g_autoptr(GVariant) first = g_variant_ref_sink (make_draft ("first save"));
  g_autoptr(GError) error = NULL;

  g_assert_true (core_test_draft_remove (SA_DRAFT_ACCOUNT_REQUEST, &error));
  g_assert_no_error (error);

  for (guint round = 0; round < 20; round++)
    {
      GAsyncResult *save_slot = NULL, *load_slot = NULL, *remove_slot = NULL;
      g_autoptr(GAsyncResult) saved = NULL;
      g_autoptr(GAsyncResult) loaded_result = NULL;
      g_autoptr(GAsyncResult) removed = NULL;
      g_autoptr(GVariant) loaded = NULL;

      /* The first save of a new file, the load right behind it. */
      /* (transfer floating): @first is not floating, so the save takes a
       * reference of its own and leaves ours */
      sa_draft_save_async (SA_DRAFT_ACCOUNT_REQUEST, first, NULL, core_test_on_ready, &save_slot);
      sa_draft_load_async (SA_DRAFT_ACCOUNT_REQUEST, NULL, core_test_on_ready, &load_slot);
      /* The load completes only once the save has. */
      while (load_slot == NULL)
        {
          g_main_context_iteration (NULL, TRUE);
          if (load_slot != NULL)
            g_assert_nonnull (save_slot);
        }
      saved = core_test_wait (&save_slot);
      loaded_result = core_test_wait (&load_slot);
      g_assert_true (sa_draft_save_finish (saved, &error));
      g_assert_no_error (error);
      loaded = sa_draft_load_finish (loaded_result, &error);
      g_assert_no_error (error);
      g_assert_nonnull (loaded);
      g_assert_true (g_variant_equal (loaded, first));
      g_clear_pointer (&loaded, g_variant_unref);
      g_clear_object (&loaded_result);

      /* A removal, the load right behind it: nothing to offer. */
      sa_draft_remove_async (SA_DRAFT_ACCOUNT_REQUEST, NULL, core_test_on_ready, &remove_slot);
      sa_draft_load_async (SA_DRAFT_ACCOUNT_REQUEST, NULL, core_test_on_ready, &load_slot);
      while (load_slot == NULL)
        {
          g_main_context_iteration (NULL, TRUE);
          if (load_slot != NULL)
            g_assert_nonnull (remove_slot);
        }
      removed = core_test_wait (&remove_slot);
      loaded_result = core_test_wait (&load_slot);
      g_assert_true (sa_draft_remove_finish (removed, &error));
      loaded = sa_draft_load_finish (loaded_result, &error);
      g_assert_no_error (error);
      g_assert_null (loaded);
    }
}

static void
test_draft_corrupt (void)
{
  g_autoptr(GFile) file = sa_draft_get_file (SA_DRAFT_ACCOUNT_REQUEST);
  g_autoptr(GFile) dir = g_file_get_parent (file);
  /* Holds a NUL: its length is the array's, not strlen()'s (13 was one byte
   * past its end: issue 13, found by ASan). */
  static const char binary[] = "\xff\xfe\x00\x01 binary";
  const char *garbage[] = {
    "",
    "not a variant",
    "{'account-name': <'unterminated",
    "[1, 2, 3]",                                /* not a dictionary */
    binary,
  };

  g_file_make_directory_with_parents (dir, NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (garbage); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GVariant) loaded = NULL;
      gsize length = garbage[i] == binary ? sizeof binary - 1 : strlen (garbage[i]);

      g_assert_true (g_file_replace_contents (file, garbage[i], length, NULL, FALSE,
                                              G_FILE_CREATE_NONE, NULL, NULL, &error));
      g_assert_no_error (error);

      loaded = core_test_draft_load (SA_DRAFT_ACCOUNT_REQUEST, &error);
      g_assert_null (loaded);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
    }

  /* A damaged draft can be removed and saved again. */
  g_assert_true (core_test_draft_remove (SA_DRAFT_ACCOUNT_REQUEST, NULL));
  g_assert_true (core_test_draft_save (SA_DRAFT_ACCOUNT_REQUEST, make_draft ("again"), NULL));
  g_assert_true (core_test_draft_remove (SA_DRAFT_ACCOUNT_REQUEST, NULL));
}

static void
test_draft_bad_input (void)
{
  const char *bad_names[] = { "", "../escape", "Upper", "a/b", "name.gvariant", "nul\x01" };

  for (guint i = 0; i < G_N_ELEMENTS (bad_names); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (core_test_draft_save (bad_names[i], make_draft ("x"), &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
      g_clear_error (&error);

      g_assert_null (core_test_draft_load (bad_names[i], &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
      g_clear_error (&error);

      g_assert_false (core_test_draft_remove (bad_names[i], &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
    }

  {
    g_autoptr(GError) error = NULL;

    /* Not a dictionary. */
    g_assert_false (core_test_draft_save (SA_DRAFT_ACCOUNT_REQUEST, g_variant_new_string ("x"), &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *state_dir = NULL;
  int ret;

  /* Drafts go to a fresh state directory, set before GLib caches it. */
  state_dir = g_dir_make_tmp ("sa-test-draft-XXXXXX", NULL);
  g_assert_nonnull (state_dir);
  g_setenv ("XDG_STATE_HOME", state_dir, TRUE);

  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/draft/round-trip", test_draft_round_trip);
  g_test_add_func ("/core/draft/serialised", test_draft_serialised);
  g_test_add_func ("/core/draft/load-waits", test_draft_load_waits);
  g_test_add_func ("/core/draft/corrupt", test_draft_corrupt);
  g_test_add_func ("/core/draft/bad-input", test_draft_bad_input);

  ret = g_test_run ();

  /* Nothing but drafts was written under the state directory. */
  {
    g_autofree char *drafts = g_build_filename (state_dir, "smart-account-desk", "drafts", NULL);
    g_autofree char *app = g_build_filename (state_dir, "smart-account-desk", NULL);

    if (g_file_test (drafts, G_FILE_TEST_IS_DIR))
      {
        g_autoptr(GDir) dir = g_dir_open (drafts, 0, NULL);

        g_assert_null (g_dir_read_name (dir));
        g_rmdir (drafts);
      }
    g_rmdir (app);
    g_assert_cmpint (g_rmdir (state_dir), ==, 0);
  }

  return ret;
}
