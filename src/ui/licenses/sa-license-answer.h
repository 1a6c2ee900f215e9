/* sa-license-answer.h — the answer to "Where are my licenses?" in plain words
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "sa-core.h"
#include "sa-license-diagnosis.h"

G_BEGIN_DECLS

#define SA_TYPE_LICENSE_ANSWER (sa_license_answer_get_type ())
G_DECLARE_FINAL_TYPE (SaLicenseAnswer, sa_license_answer, SA, LICENSE_ANSWER, GtkWidget)

GtkWidget          *sa_license_answer_new           (void);
SaLicenseDiagnosis *sa_license_answer_get_diagnosis (SaLicenseAnswer    *self);
void                sa_license_answer_set_diagnosis (SaLicenseAnswer    *self,
                                                     SaLicenseDiagnosis *diagnosis);
const char         *sa_license_answer_get_heading   (SaLicenseAnswer    *self);
const char         *sa_license_answer_get_text      (SaLicenseAnswer    *self);
const char         *sa_license_answer_get_uri       (SaLicenseAnswer    *self);

G_END_DECLS
