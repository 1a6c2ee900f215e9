/* sa-application.h — the Smart Account Desk application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sa-core.h"
#include "sa-session.h"

G_BEGIN_DECLS

#define SA_TYPE_APPLICATION (sa_application_get_type ())
G_DECLARE_FINAL_TYPE (SaApplication, sa_application, SA, APPLICATION, AdwApplication)

SaApplication *sa_application_new         (void);
SaJournal     *sa_application_get_journal (SaApplication *self);
SaWatch       *sa_application_get_watch   (SaApplication *self);

G_END_DECLS
