/* sa-error-private.h — building SA_CLIENT_ERROR errors with their details
 * (core only: the back ends and the #SaClient boundary)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "sa-error.h"

G_BEGIN_DECLS

/* Which form a refused field belongs to: its field is then an
 * SaAccountRequestField or an SaProfileField (sa-fields.h). */
typedef enum
{
  SA_FIELD_FORM_ACCOUNT_REQUEST,
  SA_FIELD_FORM_PROFILE,
} SaFieldForm;

typedef struct
{
  SaFieldForm  form;
  int          field;   /* -1: a field the back end named but the app does not know */
  guint        index;   /* position in a list field, or G_MAXUINT */
  char        *key;     /* the back end's own name ("users[2]") */
  char        *detail;  /* INVALID_INPUT: translated; VALIDATION_FAILED: server text */
  char        *value;   /* the refused value, or NULL */
} SaRefusedField;

/* The error a back end returns: the translated sentence for @code as its
 * message; @detail (never secret) goes to the debug log only. */
GError               *sa_client_error_new                (SaClientError  code,
                                                          const char    *detail);

void                  sa_client_error_add_refused_field  (GError        *error,
                                                          SaFieldForm    form,
                                                          int            field,
                                                          guint          index,
                                                          const char    *key,
                                                          const char    *detail,
                                                          const char    *value);
const SaRefusedField *sa_client_error_find_refused_field (const GError  *error,
                                                          SaFieldForm    form,
                                                          int            field);

void                  sa_client_error_set_candidates     (GError        *error,
                                                          GListModel    *candidates);
GListModel           *sa_client_error_get_candidates     (const GError  *error);
void                  sa_client_error_set_next_reminder  (GError        *error,
                                                          GDateTime     *next_reminder);
GDateTime            *sa_client_error_get_next_reminder  (const GError  *error);

G_END_DECLS
