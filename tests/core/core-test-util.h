/* core-test-util.h — small helpers shared by the unit tests of src/core (and,
 * for waiting on async calls, the keyring programs' set-up and the hunt for
 * leaked secrets, by the Desk, journal, Cisco and UI tests that link it)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sa-core.h"
#include "sa-json-private.h"

G_BEGIN_DECLS

#define CORE_TEST_WAIT_SECONDS 30

/* The JSON object in @json (transfer full); fails the test otherwise. */
JsonObject   *parse_object                 (const char    *json);
/* @unit @times times (transfer full). */
char         *repeat                       (const char    *unit,
                                            guint          times);

/* Waiting for an async call */
void          core_test_on_ready           (GObject       *object,
                                            GAsyncResult  *result,
                                            gpointer       user_data);
GAsyncResult *core_test_wait               (GAsyncResult **slot);
void          core_test_sleep              (guint          milliseconds);

/* Languages */
void          core_test_init_l10n          (const char    *language);
void          core_test_set_language       (const char    *language);

/* Drafts, waited for */
gboolean      core_test_draft_save         (const char    *name,
                                            GVariant      *value,
                                            GError       **error);
GVariant     *core_test_draft_load         (const char    *name,
                                            GError       **error);
gboolean      core_test_draft_remove       (const char    *name,
                                            GError       **error);

/* Remembered sign-in credentials, waited for */
gboolean      core_test_credentials_store  (const char    *server,
                                            const char    *username,
                                            const char    *password,
                                            GError       **error);
gboolean      core_test_credentials_lookup (const char    *server,
                                            char         **username,
                                            char         **password,
                                            GError       **error);
gboolean      core_test_credentials_clear  (const char    *server,
                                            GError       **error);

/* The programs run through run-with-keyring.sh */
char         *core_test_keyring_init       (int           *argc,
                                            char        ***argv,
                                            const char    *program);
void          core_test_log_capture_install (void);
void          core_test_log_capture_start  (void);
char         *core_test_log_capture_take   (void);
void          core_test_assert_only_a_draft_written (const char *scratch);
void          core_test_remove_tree        (const char    *path);

/* Hunting for a leaked secret */
typedef void (*CoreTestFileCheck) (const char *path,
                                   const char *contents,
                                   gsize       length,
                                   gpointer    user_data);

char         *core_test_use_xdg_home       (const char    *tmpl);
gboolean      core_test_contains_bytes     (const char    *data,
                                            gsize          length,
                                            const char    *needle);
gboolean      core_test_has_token_shape    (const char    *data,
                                            gsize          length);
guint         core_test_scan_files         (const char        *path,
                                            CoreTestFileCheck  check,
                                            gpointer           user_data);
char         *core_test_print_settings     (GSettings     *settings);

G_END_DECLS
