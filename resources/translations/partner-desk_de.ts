<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE" sourcelanguage="en_US">
<context>
    <name>AccountController</name>
    <message>
        <source>&amp;Account</source>
        <translation>K&amp;onto</translation>
    </message>
    <message>
        <source>Sandbox data, signed in as {0}</source>
        <translation>Sandbox-Daten, angemeldet als {0}</translation>
    </message>
    <message>
        <source>Sandbox data</source>
        <translation>Sandbox-Daten</translation>
    </message>
    <message>
        <source>Signed in as {0}</source>
        <translation>Angemeldet als {0}</translation>
    </message>
    <message>
        <source>Cloud: {0}</source>
        <translation>Cloud: {0}</translation>
    </message>
    <message>
        <source>Sign in…</source>
        <translation>Anmelden…</translation>
    </message>
    <message>
        <source>Switch cloud</source>
        <translation>Cloud wechseln</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Abmelden</translation>
    </message>
    <message>
        <source>Use sandbox</source>
        <translation>Sandbox verwenden</translation>
    </message>
    <message>
        <source>Allow Partner Desk in all customers…</source>
        <translation>Partner Desk bei allen Kunden zulassen…</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Systemstandard</translation>
    </message>
    <message>
        <source>The language changes when Partner Desk starts again.</source>
        <translation>Die Sprache wechselt beim nächsten Start von Partner Desk.</translation>
    </message>
    <message>
        <source>Signing in as {0}…</source>
        <translation>Anmeldung als {0}…</translation>
    </message>
    <message>
        <source>Sign-in needed: {0} {1}</source>
        <translation>Anmeldung erforderlich: {0} {1}</translation>
    </message>
    <message>
        <source>Your saved sign-in has expired: sign in again.</source>
        <translation>Ihre gespeicherte Anmeldung ist abgelaufen. Melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>Continue signing in in your browser…</source>
        <translation>Setzen Sie die Anmeldung in Ihrem Browser fort…</translation>
    </message>
    <message>
        <source>Sign-in cancelled.</source>
        <translation>Anmeldung abgebrochen.</translation>
    </message>
    <message>
        <source>No secure credential store</source>
        <translation>Kein sicherer Anmeldeinformationsspeicher</translation>
    </message>
    <message>
        <source>This computer has no encrypted credential store (keyring) that Partner Desk can use.

Keep your sign-in in a file readable only by your user account, so you stay signed in next time? Choose No to keep it in memory and sign in each time.</source>
        <translation>Dieser Computer hat keinen verschlüsselten Anmeldeinformationsspeicher (Schlüsselbund), den Partner Desk verwenden kann.

Ihre Anmeldung in einer Datei speichern, die nur Ihr Benutzerkonto lesen kann, damit Sie beim nächsten Mal angemeldet bleiben? Wählen Sie „Nein“, um sie nur im Arbeitsspeicher zu halten und sich jedes Mal anzumelden.</translation>
    </message>
    <message>
        <source>Signed out.</source>
        <translation>Abgemeldet.</translation>
    </message>
    <message>
        <source>Settings could not be saved: {0}</source>
        <translation>Die Einstellungen konnten nicht gespeichert werden: {0}</translation>
    </message>
</context>
<context>
    <name>Age</name>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>vor %n Min.</numerusform>
            <numerusform>vor %n Min.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation>
            <numerusform>vor %n Std.</numerusform>
            <numerusform>vor %n Std.</numerusform>
        </translation>
    </message>
    <message>
        <source>just now</source>
        <translation>gerade eben</translation>
    </message>
</context>
<context>
    <name>AuthError</name>
    <message>
        <source>Your sign-in is no longer valid: the session was revoked or has expired.</source>
        <translation>Ihre Anmeldung ist nicht mehr gültig: Die Sitzung wurde widerrufen oder ist abgelaufen.</translation>
    </message>
    <message>
        <source>Sign in again.</source>
        <translation>Melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>Your sign-in has expired after a long time without use.</source>
        <translation>Ihre Anmeldung ist nach längerer Nichtverwendung abgelaufen.</translation>
    </message>
    <message>
        <source>Your organisation&apos;s conditional access policy requires you to sign in again (sign-in frequency).</source>
        <translation>Eine Richtlinie für bedingten Zugriff Ihrer Organisation verlangt eine erneute Anmeldung (Anmeldehäufigkeit).</translation>
    </message>
    <message>
        <source>Sign in again; this is expected from time to time.</source>
        <translation>Melden Sie sich erneut an; das ist von Zeit zu Zeit zu erwarten.</translation>
    </message>
    <message>
        <source>Partner Desk has no consent in this tenant.</source>
        <translation>Partner Desk hat in diesem Mandanten keine Zustimmung.</translation>
    </message>
    <message>
        <source>An administrator must grant consent to the Partner Desk app registration. For a customer tenant, check that the app is consented for GDAP access in Partner Center.</source>
        <translation>Ein Administrator muss der App-Registrierung von Partner Desk zustimmen. Prüfen Sie bei einem Kundenmandanten im Partner Center, ob der App für den GDAP-Zugriff zugestimmt wurde.</translation>
    </message>
    <message>
        <source>Consent was declined.</source>
        <translation>Die Zustimmung wurde abgelehnt.</translation>
    </message>
    <message>
        <source>Sign in again and accept the permissions.</source>
        <translation>Melden Sie sich erneut an, und akzeptieren Sie die Berechtigungen.</translation>
    </message>
    <message>
        <source>Multi-factor authentication is required.</source>
        <translation>Die mehrstufige Authentifizierung ist erforderlich.</translation>
    </message>
    <message>
        <source>Sign in interactively and complete the MFA prompt; Partner Center always requires MFA.</source>
        <translation>Melden Sie sich interaktiv an, und schließen Sie die MFA-Abfrage ab; das Partner Center verlangt immer MFA.</translation>
    </message>
    <message>
        <source>Your account must register for multi-factor authentication first.</source>
        <translation>Ihr Konto muss sich zuerst für die mehrstufige Authentifizierung registrieren.</translation>
    </message>
    <message>
        <source>Register MFA for your account (https://aka.ms/mfasetup), then sign in again.</source>
        <translation>Registrieren Sie MFA für Ihr Konto (https://aka.ms/mfasetup), und melden Sie sich dann erneut an.</translation>
    </message>
    <message>
        <source>The tenant was not found in this Microsoft cloud.</source>
        <translation>Der Mandant wurde in dieser Microsoft-Cloud nicht gefunden.</translation>
    </message>
    <message>
        <source>Check the cloud in the account menu: US Government and China tenants sign in to their own clouds, GCC (moderate) tenants to the global cloud.</source>
        <translation>Prüfen Sie die Cloud im Menü „Konto“: Mandanten von US Government und China melden sich bei ihren eigenen Clouds an, GCC-Mandanten (moderat) bei der globalen Cloud.</translation>
    </message>
    <message>
        <source>This sign-in address is not a valid Microsoft cloud instance.</source>
        <translation>Diese Anmeldeadresse ist keine gültige Microsoft-Cloudinstanz.</translation>
    </message>
    <message>
        <source>Choose the cloud your partner tenant lives in from the account menu.</source>
        <translation>Wählen Sie im Menü „Konto“ die Cloud, in der sich Ihr Partnermandant befindet.</translation>
    </message>
    <message>
        <source>The application (client) id is not registered in your partner tenant in this cloud.</source>
        <translation>Die Anwendungs-ID (Client-ID) ist in Ihrem Partnermandanten in dieser Cloud nicht registriert.</translation>
    </message>
    <message>
        <source>Check the client id in Settings: app registrations are per cloud, so register the app in your partner tenant in the cloud you sign in to (see the README&apos;s first-run guide).</source>
        <translation>Prüfen Sie die Client-ID in den Einstellungen: App-Registrierungen gelten je Cloud; registrieren Sie die App daher in Ihrem Partnermandanten in der Cloud, bei der Sie sich anmelden (siehe die Anleitung für den ersten Start in der README).</translation>
    </message>
    <message>
        <source>The user name or password is wrong.</source>
        <translation>Der Benutzername oder das Kennwort ist falsch.</translation>
    </message>
    <message>
        <source>Sign in again with the right account.</source>
        <translation>Melden Sie sich erneut mit dem richtigen Konto an.</translation>
    </message>
    <message>
        <source>This account does not exist in the tenant.</source>
        <translation>Dieses Konto ist im Mandanten nicht vorhanden.</translation>
    </message>
    <message>
        <source>Sign in with your Partner Center account.</source>
        <translation>Melden Sie sich mit Ihrem Partner Center-Konto an.</translation>
    </message>
    <message>
        <source>A conditional access policy blocked the sign-in.</source>
        <translation>Eine Richtlinie für bedingten Zugriff hat die Anmeldung blockiert.</translation>
    </message>
    <message>
        <source>Ask your administrator which policy applies (device compliance, location, ...).</source>
        <translation>Fragen Sie Ihren Administrator, welche Richtlinie greift (Gerätekonformität, Standort, ...).</translation>
    </message>
    <message>
        <source>Partner Desk is not yet allowed in this customer</source>
        <translation>Partner Desk ist bei diesem Kunden noch nicht zugelassen</translation>
    </message>
    <message>
        <source>Allow it in this customer: &apos;Allow in this customer&apos; on the customer&apos;s tab, Account &gt; Allow Partner Desk in all customers, or &apos;partner-desk consent --customer TENANT&apos;. It needs a GDAP role in the customer that can consent to apps (Global Administrator, Privileged Role Administrator or Cloud Application Administrator).</source>
        <translation>Lassen Sie es bei diesem Kunden zu: „Bei diesem Kunden zulassen“ auf der Registerkarte des Kunden, Konto &gt; Partner Desk bei allen Kunden zulassen oder „partner-desk consent --customer TENANT“. Dafür brauchen Sie beim Kunden eine GDAP-Rolle, die Zustimmungen für Apps erteilen darf (Global Administrator, Privileged Role Administrator oder Cloud Application Administrator).</translation>
    </message>
    <message>
        <source>Sign-in was cancelled.</source>
        <translation>Die Anmeldung wurde abgebrochen.</translation>
    </message>
    <message>
        <source>Sign in again when ready.</source>
        <translation>Melden Sie sich erneut an, sobald Sie bereit sind.</translation>
    </message>
    <message>
        <source>Sign-in was declined.</source>
        <translation>Die Anmeldung wurde abgelehnt.</translation>
    </message>
    <message>
        <source>The sign-in code expired before it was used.</source>
        <translation>Der Anmeldecode ist abgelaufen, bevor er verwendet wurde.</translation>
    </message>
    <message>
        <source>Start the device code sign-in again and enter the new code within 15 minutes.</source>
        <translation>Starten Sie die Anmeldung mit Gerätecode erneut, und geben Sie den neuen Code innerhalb von 15 Minuten ein.</translation>
    </message>
    <message>
        <source>Your sign-in is no longer valid.</source>
        <translation>Ihre Anmeldung ist nicht mehr gültig.</translation>
    </message>
    <message>
        <source>Microsoft needs you to sign in again interactively.</source>
        <translation>Microsoft verlangt eine erneute interaktive Anmeldung.</translation>
    </message>
    <message>
        <source>Try again; if it keeps failing, the log has Microsoft&apos;s full answer for support.</source>
        <translation>Versuchen Sie es erneut; wenn es weiterhin fehlschlägt, enthält das Protokoll die vollständige Antwort von Microsoft für den Support.</translation>
    </message>
    <message>
        <source>Check the network connection (and proxy), then try again.</source>
        <translation>Prüfen Sie die Netzwerkverbindung (und den Proxy), und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>Behind a proxy that inspects TLS, point REQUESTS_CA_BUNDLE at your organisation&apos;s CA bundle. For a sandbox, check that its address is the one it printed.</source>
        <translation>Hinter einem Proxy, der TLS prüft, lassen Sie REQUESTS_CA_BUNDLE auf das CA-Bundle Ihrer Organisation verweisen. Prüfen Sie bei einer Sandbox, ob ihre Adresse die ausgegebene ist.</translation>
    </message>
    <message>
        <source>Signed in through the browser: the Windows account broker refused this app registration. Partner Desk uses the browser for it from now on. To use the broker, add the redirect URI ms-appx-web://Microsoft.AAD.BrokerPlugin/&lt;client id&gt; to the app registration (see the sign-in dialog&apos;s help).</source>
        <translation>Über den Browser angemeldet: Der Windows-Kontobroker hat diese App-Registrierung abgelehnt. Partner Desk meldet sich dafür ab jetzt über den Browser an. Um den Broker zu nutzen, fügen Sie der App-Registrierung die Umleitungs-URI ms-appx-web://Microsoft.AAD.BrokerPlugin/&lt;Client-ID&gt; hinzu (siehe die Hilfe im Anmeldedialog).</translation>
    </message>
    <message>
        <source>The Windows account broker keeps this sign-in to itself, and customer tenants need Partner Desk&apos;s own.</source>
        <translation>Der Windows-Kontobroker behält diese Anmeldung für sich, und Kundenmandanten brauchen die eigene Anmeldung von Partner Desk.</translation>
    </message>
    <message>
        <source>Sign in again: Partner Desk signs in through the browser from now on.</source>
        <translation>Melden Sie sich erneut an: Partner Desk meldet sich ab jetzt über den Browser an.</translation>
    </message>
    <message>
        <source>Sign-in did not finish in the browser in time.</source>
        <translation>Die Anmeldung im Browser wurde nicht rechtzeitig abgeschlossen.</translation>
    </message>
    <message>
        <source>Sign in again; if the browser cannot reach this computer, use the device code instead.</source>
        <translation>Melden Sie sich erneut an; wenn der Browser diesen Computer nicht erreicht, verwenden Sie stattdessen den Gerätecode.</translation>
    </message>
    <message>
        <source>Choose another cloud from the account menu.</source>
        <translation>Wählen Sie im Menü „Konto“ eine andere Cloud.</translation>
    </message>
    <message>
        <source>No application (client) id is set for signing in.</source>
        <translation>Für die Anmeldung ist keine Anwendungs-ID (Client-ID) festgelegt.</translation>
    </message>
    <message>
        <source>Register Partner Desk as a public client app in your partner tenant and enter its client id in Settings (the README&apos;s first-run guide lists the steps).</source>
        <translation>Registrieren Sie Partner Desk in Ihrem Partnermandanten als öffentliche Client-App, und geben Sie ihre Client-ID in den Einstellungen ein (die Schritte stehen in der Anleitung für den ersten Start in der README).</translation>
    </message>
    <message>
        <source>You are not signed in.</source>
        <translation>Sie sind nicht angemeldet.</translation>
    </message>
    <message>
        <source>Sign in from the account menu.</source>
        <translation>Melden Sie sich über das Menü „Konto“ an.</translation>
    </message>
</context>
<context>
    <name>CannotStart</name>
    <message>
        <source>No log file this time: {0}</source>
        <translation>Diesmal keine Protokolldatei: {0}</translation>
    </message>
    <message>
        <source>data folder (drafts, tags and sign-ins)</source>
        <translation>Datenordner (Entwürfe, Tags und Anmeldungen)</translation>
    </message>
    <message>
        <source>settings folder</source>
        <translation>Einstellungsordner</translation>
    </message>
    <message>
        <source>cache folder</source>
        <translation>Cache-Ordner</translation>
    </message>
    <message>
        <source>log folder</source>
        <translation>Protokollordner</translation>
    </message>
    <message>
        <source>folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>Partner Desk cannot write to its {0}:
{1}

({2})

Make this folder writable for your user account, or set PARTNER_DESK_HOME to a folder that is, then start Partner Desk again.</source>
        <translation>Partner Desk kann nicht in seinen {0} schreiben:
{1}

({2})

Machen Sie diesen Ordner für Ihr Benutzerkonto beschreibbar oder setzen Sie PARTNER_DESK_HOME auf einen beschreibbaren Ordner, und starten Sie Partner Desk dann erneut.</translation>
    </message>
    <message>
        <source>Another program keeps a file of Partner Desk locked:
{0}

It stayed locked for {1} seconds. Close the other program (another Partner Desk window?), then start Partner Desk again.</source>
        <translation>Ein anderes Programm hält eine Datei von Partner Desk gesperrt:
{0}

Sie blieb {1} Sekunden lang gesperrt. Schließen Sie das andere Programm (ein weiteres Partner-Desk-Fenster?) und starten Sie Partner Desk dann erneut.</translation>
    </message>
    <message>
        <source>Partner Desk could not start:
{0}</source>
        <translation>Partner Desk konnte nicht starten:
{0}</translation>
    </message>
    <message>
        <source>Partner Desk cannot start</source>
        <translation>Partner Desk kann nicht starten</translation>
    </message>
</context>
<context>
    <name>ConsentDialog</name>
    <message>
        <source>Allow Partner Desk in all customers</source>
        <translation>Partner Desk bei allen Kunden zulassen</translation>
    </message>
    <message numerus="yes">
        <source>Microsoft gives Partner Desk no access to a customer&apos;s tenant until consent is granted for the app there (GDAP). This asks Partner Center to grant it for each of your %n customer(s), to read service health; where it is already granted nothing changes.

Granting consent takes a GDAP role in the customer that can consent to apps: Global Administrator, Privileged Role Administrator or Cloud Application Administrator.</source>
        <translation>
            <numerusform>Microsoft gewährt Partner Desk erst Zugriff auf den Mandanten eines Kunden, wenn dort die Zustimmung für die App erteilt wurde (GDAP). Hiermit bittet Partner Desk das Partner Center, diese Zustimmung bei Ihrem %n Kunden zu erteilen, damit Partner Desk die Dienstintegrität lesen kann; wo die Zustimmung bereits erteilt ist, ändert sich nichts.

Für die Zustimmung brauchen Sie beim Kunden eine GDAP-Rolle, die Zustimmungen für Apps erteilen darf: Global Administrator, Privileged Role Administrator oder Cloud Application Administrator.</numerusform>
            <numerusform>Microsoft gewährt Partner Desk erst Zugriff auf den Mandanten eines Kunden, wenn dort die Zustimmung für die App erteilt wurde (GDAP). Hiermit bittet Partner Desk das Partner Center, diese Zustimmung bei jedem Ihrer %n Kunden zu erteilen, damit Partner Desk die Dienstintegrität lesen kann; wo die Zustimmung bereits erteilt ist, ändert sich nichts.

Für die Zustimmung brauchen Sie beim Kunden eine GDAP-Rolle, die Zustimmungen für Apps erteilen darf: Global Administrator, Privileged Role Administrator oder Cloud Application Administrator.</numerusform>
        </translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>Customers done</source>
        <translation>Bearbeitete Kunden</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Consent results</source>
        <translation>Ergebnisse der Zustimmung</translation>
    </message>
    <message>
        <source>&amp;Allow in all customers</source>
        <translation>Bei allen Kunden &amp;zulassen</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>&amp;Anhalten</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Schließen</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Wird angehalten…</translation>
    </message>
    <message>
        <source>&amp;Run again</source>
        <translation>&amp;Erneut ausführen</translation>
    </message>
    <message>
        <source>Allowed</source>
        <translation>Zugelassen</translation>
    </message>
    <message>
        <source>Already allowed</source>
        <translation>Bereits zugelassen</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Your GDAP roles in this customer cannot consent to apps (it takes Global Administrator, Privileged Role Administrator or Cloud Application Administrator).</source>
        <translation>Ihre GDAP-Rollen bei diesem Kunden dürfen keine Zustimmung für Apps erteilen (dafür ist Global Administrator, Privileged Role Administrator oder Cloud Application Administrator nötig).</translation>
    </message>
    <message>
        <source>No GDAP relationship with this customer covers your account. Ask the customer to approve one whose roles include Global Administrator, Privileged Role Administrator or Cloud Application Administrator for a security group you belong to.</source>
        <translation>Keine GDAP-Beziehung mit diesem Kunden umfasst Ihr Konto. Bitten Sie den Kunden, eine Beziehung zu genehmigen, deren Rollen für eine Sicherheitsgruppe, der Sie angehören, Global Administrator, Privileged Role Administrator oder Cloud Application Administrator enthalten.</translation>
    </message>
    <message>
        <source>{0} allowed · {1} already allowed · {2} refused ({3} without GDAP) · {4} failed</source>
        <translation>{0} zugelassen · {1} bereits zugelassen · {2} abgelehnt ({3} ohne GDAP) · {4} fehlgeschlagen</translation>
    </message>
    <message numerus="yes">
        <source>Failed after {0} of %n customer(s):</source>
        <translation>
            <numerusform>Fehlgeschlagen nach {0} von %n Kunden:</numerusform>
            <numerusform>Fehlgeschlagen nach {0} von %n Kunden:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Stopped after {0} of %n customer(s):</source>
        <translation>
            <numerusform>Angehalten nach {0} von %n Kunden:</numerusform>
            <numerusform>Angehalten nach {0} von %n Kunden:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Done, %n customer(s):</source>
        <translation>
            <numerusform>Abgeschlossen für %n Kunden:</numerusform>
            <numerusform>Abgeschlossen für %n Kunden:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{0} of %n customer(s):</source>
        <translation>
            <numerusform>{0} von %n Kunden:</numerusform>
            <numerusform>{0} von %n Kunden:</numerusform>
        </translation>
    </message>
    <message>
        <source>Not started.</source>
        <translation>Noch nicht gestartet.</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>Something went wrong</source>
        <translation>Etwas ist schiefgegangen</translation>
    </message>
    <message>
        <source>{0}

Partner Desk keeps running; what you were doing may not have finished. The details below (no passwords or tokens) help support find the cause.</source>
        <translation>{0}

Partner Desk läuft weiter; Ihre letzte Aktion wurde aber möglicherweise nicht abgeschlossen. Die Details unten (ohne Kennwörter oder Token) helfen dem Support, die Ursache zu finden.</translation>
    </message>
    <message>
        <source>Error details</source>
        <translation>Fehlerdetails</translation>
    </message>
    <message>
        <source>&amp;Copy details</source>
        <translation>Details &amp;kopieren</translation>
    </message>
</context>
<context>
    <name>CustomerList</name>
    <message>
        <source>Search customers</source>
        <translation>Kunden suchen</translation>
    </message>
    <message>
        <source>Filters the list as you type; Down moves into the list.</source>
        <translation>Filtert die Liste bei der Eingabe; Pfeil nach unten wechselt in die Liste.</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>Kunden</translation>
    </message>
    <message>
        <source>Customer count</source>
        <translation>Anzahl der Kunden</translation>
    </message>
    <message>
        <source>Scope:</source>
        <translation>Bereich:</translation>
    </message>
    <message>
        <source>No customer matches “{0}”.</source>
        <translation>Kein Kunde passt zu „{0}“.</translation>
    </message>
    <message>
        <source>No customer to show.</source>
        <translation>Kein Kunde anzuzeigen.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln customer(s)</source>
        <translation>
            <numerusform>%Ln Kunde</numerusform>
            <numerusform>%Ln Kunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %Ln customer(s)</source>
        <translation>
            <numerusform>%1 von %Ln Kunde</numerusform>
            <numerusform>%1 von %Ln Kunden</numerusform>
        </translation>
    </message>
    <message>
        <source>Search name, domain or tenant ID ({0})</source>
        <translation>Name, Domäne oder Mandanten-ID suchen ({0})</translation>
    </message>
    <message>
        <source>Arrow keys choose a customer; its details open on the right. {0} stars it, {1} tags it; {2} shows both.</source>
        <translation>Pfeiltasten wählen einen Kunden; seine Details erscheinen rechts. {0} macht ihn zum Favoriten, {1} vergibt Tags; {2} zeigt beides.</translation>
    </message>
    <message>
        <source>No customer here yet: star customers ({0}) or tag them ({1}), then choose them here.</source>
        <translation>Hier ist noch kein Kunde: Markieren Sie Kunden als Favoriten ({0}) oder versehen Sie sie mit Tags ({1}), und wählen Sie sie dann hier aus.</translation>
    </message>
</context>
<context>
    <name>CustomerTableModel</name>
    <message>
        <source>Reseller</source>
        <translation>Reseller</translation>
    </message>
    <message>
        <source>Advisor</source>
        <translation>Berater</translation>
    </message>
    <message>
        <source>Syndication</source>
        <translation>Syndikation</translation>
    </message>
    <message>
        <source>Microsoft support</source>
        <translation>Microsoft-Support</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <source>Service health not loaded yet</source>
        <translation>Dienstintegrität noch nicht geladen</translation>
    </message>
    <message>
        <source>Checked {0}</source>
        <translation>Geprüft: {0}</translation>
    </message>
    <message>
        <source>%1 until %2</source>
        <translation>%1 bis %2</translation>
    </message>
    <message>
        <source>GDAP relationships not loaded</source>
        <translation>GDAP-Beziehungen nicht geladen</translation>
    </message>
    <message>
        <source>Roles: %1</source>
        <translation>Rollen: %1</translation>
    </message>
    <message>
        <source>Ends %1</source>
        <translation>Endet am %1</translation>
    </message>
    <message>
        <source>Ask the customer to approve a new relationship before it ends.</source>
        <translation>Bitten Sie den Kunden, vor dem Ende eine neue Beziehung zu genehmigen.</translation>
    </message>
    <message>
        <source>Health: %1</source>
        <translation>Integrität: %1</translation>
    </message>
</context>
<context>
    <name>DashboardWindow</name>
    <message>
        <source>Dashboard — who is hurt right now</source>
        <translation>Dashboard – wer gerade betroffen ist</translation>
    </message>
    <message>
        <source>&amp;Check all customers</source>
        <translation>Alle Kunden &amp;prüfen</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>&amp;Anhalten</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportieren…</translation>
    </message>
    <message>
        <source>Save what this sweep found as CSV or JSON</source>
        <translation>Die Ergebnisse dieser Prüfung als CSV oder JSON speichern</translation>
    </message>
    <message>
        <source>Sweep progress</source>
        <translation>Fortschritt der Prüfung</translation>
    </message>
    <message>
        <source>Not checked yet.</source>
        <translation>Noch nicht geprüft.</translation>
    </message>
    <message>
        <source>Sweep counts</source>
        <translation>Ergebnisse der Prüfung</translation>
    </message>
    <message>
        <source>Sc&amp;ope:</source>
        <translation>&amp;Bereich:</translation>
    </message>
    <message>
        <source>Customers by service</source>
        <translation>Kunden nach Dienst</translation>
    </message>
    <message>
        <source>Incidents now</source>
        <translation>Aktuelle Vorfälle</translation>
    </message>
    <message>
        <source>Incident details</source>
        <translation>Details zum Vorfall</translation>
    </message>
    <message>
        <source>Customers this incident touches</source>
        <translation>Von diesem Vorfall betroffene Kunden</translation>
    </message>
    <message>
        <source>Enter opens the customer in the main window.</source>
        <translation>Die Eingabetaste öffnet den Kunden im Hauptfenster.</translation>
    </message>
    <message>
        <source>Customers it touches</source>
        <translation>Betroffene Kunden</translation>
    </message>
    <message>
        <source>Dashboard views</source>
        <translation>Dashboard-Ansichten</translation>
    </message>
    <message>
        <source>&amp;Health and incidents</source>
        <translation>&amp;Integrität und Vorfälle</translation>
    </message>
    <message>
        <source>Planned chan&amp;ges</source>
        <translation>&amp;Geplante Änderungen</translation>
    </message>
    <message>
        <source>Load the customer list first.</source>
        <translation>Laden Sie zuerst die Kundenliste.</translation>
    </message>
    <message>
        <source>Resume &amp;check</source>
        <translation>&amp;Prüfung fortsetzen</translation>
    </message>
    <message>
        <source>Check the customers the stopped check had not reached</source>
        <translation>Die Kunden prüfen, die die angehaltene Prüfung nicht erreicht hat</translation>
    </message>
    <message>
        <source>No customer in this scope.</source>
        <translation>Kein Kunde in diesem Bereich.</translation>
    </message>
    <message numerus="yes">
        <source>%n without GDAP access or consent</source>
        <translation>
            <numerusform>%n ohne GDAP-Zugriff oder Zustimmung</numerusform>
            <numerusform>%n ohne GDAP-Zugriff oder Zustimmung</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>about %n s left</source>
        <translation>
            <numerusform>noch etwa %n s</numerusform>
            <numerusform>noch etwa %n s</numerusform>
        </translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>angehalten</translation>
    </message>
    <message numerus="yes">
        <source>done in %n s</source>
        <translation>
            <numerusform>fertig in %n s</numerusform>
            <numerusform>fertig in %n s</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 done · %2 failed · %3 remaining · %4</source>
        <translation>%1 fertig · %2 fehlgeschlagen · %3 ausstehend · %4</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; of %2 customers have a degraded service · %3 incidents now</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; von %2 Kunden haben einen beeinträchtigten Dienst · %3 aktuelle Vorfälle</translation>
    </message>
    <message>
        <source>Export failed: {0}</source>
        <translation>Export fehlgeschlagen: {0}</translation>
    </message>
    <message>
        <source>Saved {0}</source>
        <translation>Gespeichert: {0}</translation>
    </message>
    <message>
        <source>Export the dashboard</source>
        <translation>Dashboard exportieren</translation>
    </message>
    <message>
        <source>Health per service, CSV (*.csv)</source>
        <translation>Integrität je Dienst, CSV (*.csv)</translation>
    </message>
    <message>
        <source>Health per service, JSON (*.json)</source>
        <translation>Integrität je Dienst, JSON (*.json)</translation>
    </message>
    <message>
        <source>Active incidents per customer, CSV (*.csv)</source>
        <translation>Aktive Vorfälle je Kunde, CSV (*.csv)</translation>
    </message>
    <message>
        <source>Active incidents per customer, JSON (*.json)</source>
        <translation>Aktive Vorfälle je Kunde, JSON (*.json)</translation>
    </message>
    <message>
        <source>last update {0}</source>
        <translation>letzte Aktualisierung {0}</translation>
    </message>
</context>
<context>
    <name>DeviceCodeDialog</name>
    <message>
        <source>Sign in with a code</source>
        <translation>Mit einem Code anmelden</translation>
    </message>
    <message>
        <source>Open {0} and enter this code:</source>
        <translation>Öffnen Sie {0}, und geben Sie diesen Code ein:</translation>
    </message>
    <message>
        <source>Device code</source>
        <translation>Gerätecode</translation>
    </message>
    <message>
        <source>Copy code</source>
        <translation>Code kopieren</translation>
    </message>
    <message>
        <source>Open the sign-in page</source>
        <translation>Anmeldeseite öffnen</translation>
    </message>
    <message>
        <source>Waiting for you to finish signing in…</source>
        <translation>Warten, bis Sie die Anmeldung abgeschlossen haben…</translation>
    </message>
</context>
<context>
    <name>DraftChooser</name>
    <message>
        <source>(untitled)</source>
        <translation>(ohne Titel)</translation>
    </message>
    <message>
        <source>New service request — {0}</source>
        <translation>Neue Serviceanfrage — {0}</translation>
    </message>
    <message numerus="yes">
        <source>%n draft(s) for this customer kept. Continue one, or start a new request:</source>
        <translation>
            <numerusform>Für diesen Kunden ist %n Entwurf gespeichert. Setzen Sie ihn fort oder beginnen Sie eine neue Anfrage:</numerusform>
            <numerusform>Für diesen Kunden sind %n Entwürfe gespeichert. Setzen Sie einen fort oder beginnen Sie eine neue Anfrage:</numerusform>
        </translation>
    </message>
    <message>
        <source>Kept drafts</source>
        <translation>Gespeicherte Entwürfe</translation>
    </message>
    <message>
        <source>A new, blank request</source>
        <translation>Eine neue, leere Anfrage</translation>
    </message>
</context>
<context>
    <name>DraftsDialog</name>
    <message>
        <source>Drafts</source>
        <translation>Entwürfe</translation>
    </message>
    <message>
        <source>Drafts are kept on this computer until Microsoft has the request. Open one to carry on, or discard it.</source>
        <translation>Entwürfe bleiben auf diesem Computer, bis Microsoft die Anfrage hat. Öffnen Sie einen, um weiterzuarbeiten, oder verwerfen Sie ihn.</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Stand</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Gespeichert</translation>
    </message>
    <message>
        <source>Kept drafts</source>
        <translation>Gespeicherte Entwürfe</translation>
    </message>
    <message>
        <source>No drafts kept.</source>
        <translation>Keine Entwürfe gespeichert.</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>Ö&amp;ffnen</translation>
    </message>
    <message>
        <source>&amp;Discard…</source>
        <translation>&amp;Verwerfen…</translation>
    </message>
    <message>
        <source>Open the selected draft</source>
        <translation>Ausgewählten Entwurf öffnen</translation>
    </message>
    <message>
        <source>Discard the selected draft</source>
        <translation>Ausgewählten Entwurf verwerfen</translation>
    </message>
    <message>
        <source>Discard the selected draft (Delete)</source>
        <translation>Ausgewählten Entwurf verwerfen (Entf)</translation>
    </message>
    <message>
        <source>Filed, number unknown</source>
        <translation>Gestellt, Nummer unbekannt</translation>
    </message>
    <message>
        <source>Sent, not confirmed</source>
        <translation>Gesendet, nicht bestätigt</translation>
    </message>
    <message>
        <source>To send when online</source>
        <translation>Wird gesendet, sobald online</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>Nicht gesendet</translation>
    </message>
    <message>
        <source>The drafts could not be read: {0}</source>
        <translation>Die Entwürfe konnten nicht gelesen werden: {0}</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>(ohne Titel)</translation>
    </message>
    <message>
        <source>Discard the draft “{0}” for {1}? Its text cannot be brought back.</source>
        <translation>Den Entwurf „{0}“ für {1} verwerfen? Sein Text lässt sich nicht wiederherstellen.</translation>
    </message>
    <message>
        <source>It may already be with Microsoft ({0}): discarding it could let the same request be filed again.</source>
        <translation>Er liegt Microsoft möglicherweise schon vor ({0}): Wird er verworfen, könnte dieselbe Anfrage ein zweites Mal gestellt werden.</translation>
    </message>
    <message>
        <source>Discard draft</source>
        <translation>Entwurf verwerfen</translation>
    </message>
    <message>
        <source>The draft could not be discarded: {0}</source>
        <translation>Der Entwurf konnte nicht verworfen werden: {0}</translation>
    </message>
    <message>
        <source>Draft “{0}” for {1} discarded.</source>
        <translation>Entwurf „{0}“ für {1} verworfen.</translation>
    </message>
</context>
<context>
    <name>GdapModel</name>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Being assigned</source>
        <translation>Wird zugewiesen</translation>
    </message>
    <message>
        <source>Being removed</source>
        <translation>Wird entfernt</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>Entfernt</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>No customer yet</source>
        <translation>Noch kein Kunde</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Mitglied</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <source>Not a member</source>
        <translation>Kein Mitglied</translation>
    </message>
    <message>
        <source>Group names could not be read: its object id is shown.</source>
        <translation>Gruppennamen waren nicht lesbar: Die Objekt-ID der Gruppe wird angezeigt.</translation>
    </message>
    <message>
        <source>A security group of your partner tenant that you are not a member of: Partner Desk can read the names of your own groups only. Its object id is shown; find it in the Entra admin center (Groups).</source>
        <translation>Eine Sicherheitsgruppe Ihres Partnermandanten, der Sie nicht angehören: Partner Desk kann nur die Namen Ihrer eigenen Gruppen lesen. Die Objekt-ID der Gruppe wird angezeigt; Sie finden sie im Microsoft Entra Admin Center (Gruppen).</translation>
    </message>
</context>
<context>
    <name>GdapWindow</name>
    <message>
        <source>GDAP relationships</source>
        <translation>GDAP-Beziehungen</translation>
    </message>
    <message>
        <source>Every status</source>
        <translation>Alle Status</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Ending soon, not extended automatically</source>
        <translation>Endet bald, ohne automatische Verlängerung</translation>
    </message>
    <message>
        <source>Not yet approved</source>
        <translation>Noch nicht genehmigt</translation>
    </message>
    <message>
        <source>Ended (expiring, expired, terminated)</source>
        <translation>Zu Ende (läuft ab, abgelaufen, beendet)</translation>
    </message>
    <message>
        <source>Other statuses</source>
        <translation>Andere Status</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>&amp;Anzeigen:</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>&amp;Neu laden</translation>
    </message>
    <message>
        <source>Enter opens the relationship&apos;s customer in the main window.</source>
        <translation>Die Eingabetaste öffnet den Kunden der Beziehung im Hauptfenster.</translation>
    </message>
    <message>
        <source>What the last action did</source>
        <translation>Ergebnis der letzten Aktion</translation>
    </message>
    <message>
        <source>GDAP relationships cannot be read in the {0}.</source>
        <translation>GDAP-Beziehungen können in {0} nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>%1 of %2 shown</source>
        <translation>%1 von %2 angezeigt</translation>
    </message>
    <message numerus="yes">
        <source>%n could not be read (see the log)</source>
        <translation>
            <numerusform>%n nicht lesbar (siehe Protokoll)</numerusform>
            <numerusform>%n nicht lesbar (siehe Protokoll)</numerusform>
        </translation>
    </message>
    <message>
        <source>No GDAP relationship has this status.</source>
        <translation>Keine GDAP-Beziehung hat diesen Status.</translation>
    </message>
    <message>
        <source>This partner has no GDAP relationships.</source>
        <translation>Dieser Partner hat keine GDAP-Beziehungen.</translation>
    </message>
</context>
<context>
    <name>GdapWindowOpener</name>
    <message>
        <source>&amp;GDAP relationships…</source>
        <translation>&amp;GDAP-Beziehungen…</translation>
    </message>
</context>
<context>
    <name>HealthBoard</name>
    <message>
        <source>service health</source>
        <translation>Dienstintegrität</translation>
    </message>
</context>
<context>
    <name>HealthGridModel</name>
    <message>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Affected</source>
        <translation>Betroffen</translation>
    </message>
    <message numerus="yes">
        <source>%n service(s)</source>
        <translation>
            <numerusform>%n Dienst</numerusform>
            <numerusform>%n Dienste</numerusform>
        </translation>
    </message>
    <message>
        <source>no data</source>
        <translation>keine Daten</translation>
    </message>
</context>
<context>
    <name>HealthGridView</name>
    <message>
        <source>Customers by service</source>
        <translation>Kunden nach Dienst</translation>
    </message>
    <message>
        <source>One row per customer, most affected first, one column per service; every cell has a shape and a word. Enter opens the customer in the main window.</source>
        <translation>Eine Zeile je Kunde, die am stärksten betroffenen zuerst, eine Spalte je Dienst; jede Zelle hat eine Form und ein Wort. Die Eingabetaste öffnet den Kunden im Hauptfenster.</translation>
    </message>
</context>
<context>
    <name>HealthPane</name>
    <message>
        <source>service health</source>
        <translation>Dienstintegrität</translation>
    </message>
    <message>
        <source>Service health</source>
        <translation>Dienstintegrität</translation>
    </message>
    <message>
        <source>Every service of the customer with its status, worst first. Enter shows the service&apos;s incidents.</source>
        <translation>Alle Dienste des Kunden mit ihrem Status, die schlechtesten zuerst. Die Eingabetaste zeigt die Vorfälle des Dienstes.</translation>
    </message>
    <message>
        <source>No services reported</source>
        <translation>Keine Dienste gemeldet</translation>
    </message>
    <message>
        <source>Microsoft reports no services for this tenant.</source>
        <translation>Microsoft meldet für diesen Mandanten keine Dienste.</translation>
    </message>
    <message numerus="yes">
        <source>%n service(s) degraded or down</source>
        <translation>
            <numerusform>%n Dienst beeinträchtigt oder ausgefallen</numerusform>
            <numerusform>%n Dienste beeinträchtigt oder ausgefallen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n under investigation</source>
        <translation>
            <numerusform>%n wird untersucht</numerusform>
            <numerusform>%n werden untersucht</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n operational</source>
        <translation>
            <numerusform>%n fehlerfrei</numerusform>
            <numerusform>%n fehlerfrei</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) could not be read</source>
        <translation>
            <numerusform>%n Eintrag war nicht lesbar</numerusform>
            <numerusform>%n Einträge waren nicht lesbar</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HealthWiring</name>
    <message>
        <source>Health check: its background process stopped and was restarted; it goes on.</source>
        <translation>Integritätsprüfung: Hintergrundprozess neu gestartet; die Prüfung geht weiter.</translation>
    </message>
</context>
<context>
    <name>IncidentsNowView</name>
    <message>
        <source>Incidents now</source>
        <translation>Aktuelle Vorfälle</translation>
    </message>
    <message>
        <source>Active Microsoft issues, the most widespread first. The selected one&apos;s details and the customers it touches follow.</source>
        <translation>Aktive Microsoft-Probleme, die am weitesten verbreiteten zuerst. Danach folgen die Details des ausgewählten Problems und die betroffenen Kunden.</translation>
    </message>
</context>
<context>
    <name>IncidentsPane</name>
    <message>
        <source>incidents</source>
        <translation>Vorfälle</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Anzeigen:</translation>
    </message>
    <message>
        <source>Ac&amp;tive</source>
        <translation>Ak&amp;tiv</translation>
    </message>
    <message>
        <source>Reso&amp;lved</source>
        <translation>Be&amp;hoben</translation>
    </message>
    <message>
        <source>Incide&amp;nts</source>
        <translation>Vorfä&amp;lle</translation>
    </message>
    <message>
        <source>Ad&amp;visories</source>
        <translation>Hi&amp;nweise</translation>
    </message>
    <message>
        <source>Show the issues of every service</source>
        <translation>Die Probleme aller Dienste anzeigen</translation>
    </message>
    <message>
        <source>&amp;Escalate…</source>
        <translation>&amp;Eskalieren…</translation>
    </message>
    <message>
        <source>File a service request with Microsoft about the selected issue</source>
        <translation>Zum ausgewählten Problem eine Serviceanfrage bei Microsoft stellen</translation>
    </message>
    <message>
        <source>Do&amp;wnload review…</source>
        <translation>Bericht he&amp;runterladen…</translation>
    </message>
    <message>
        <source>Save Microsoft&apos;s post-incident review of the selected issue and open it</source>
        <translation>Den Bericht von Microsoft nach dem Vorfall zum ausgewählten Problem speichern und öffnen</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>Vorfälle</translation>
    </message>
    <message>
        <source>Active issues first, newest first. The selected issue&apos;s updates follow; Alt+E escalates it to Microsoft.</source>
        <translation>Aktive Probleme zuerst, die neuesten zuerst. Danach folgen die Updates des ausgewählten Problems; Alt+E eskaliert es an Microsoft.</translation>
    </message>
    <message>
        <source>Incident details</source>
        <translation>Details zum Vorfall</translation>
    </message>
    <message>
        <source>Only {0} ✕</source>
        <translation>Nur {0} ✕</translation>
    </message>
    <message>
        <source>{0} of {1} shown</source>
        <translation>{0} von {1} angezeigt</translation>
    </message>
    <message numerus="yes">
        <source>%n issue(s)</source>
        <translation>
            <numerusform>%n Problem</numerusform>
            <numerusform>%n Probleme</numerusform>
        </translation>
    </message>
    <message>
        <source>No incidents match the filter.</source>
        <translation>Keine Vorfälle passen zum Filter.</translation>
    </message>
    <message>
        <source>Microsoft reports no incidents or advisories for this customer.</source>
        <translation>Microsoft meldet für diesen Kunden keine Vorfälle oder Hinweise.</translation>
    </message>
    <message>
        <source>Cancel download</source>
        <translation>Download abbrechen</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Dienst</translation>
    </message>
    <message>
        <source>Feature</source>
        <translation>Funktion</translation>
    </message>
    <message>
        <source>Classification</source>
        <translation>Klassifizierung</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Begonnen</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <source>Ongoing</source>
        <translation>Andauernd</translation>
    </message>
    <message>
        <source>Last update</source>
        <translation>Letzte Aktualisierung</translation>
    </message>
    <message>
        <source>User impact</source>
        <translation>Auswirkung auf Benutzer</translation>
    </message>
    <message>
        <source>Post-incident review</source>
        <translation>Bericht nach dem Vorfall</translation>
    </message>
    <message>
        <source>Published by Microsoft</source>
        <translation>Von Microsoft veröffentlicht</translation>
    </message>
    <message>
        <source>No updates posted yet.</source>
        <translation>Noch keine Updates veröffentlicht.</translation>
    </message>
    <message>
        <source>Updates (newest first)</source>
        <translation>Updates (neueste zuerst)</translation>
    </message>
    <message>
        <source>Quick update</source>
        <translation>Kurzes Update</translation>
    </message>
    <message>
        <source>Strategic update</source>
        <translation>Strategisches Update</translation>
    </message>
</context>
<context>
    <name>IssueTableModel</name>
    <message>
        <source>Incident</source>
        <translation>Vorfall</translation>
    </message>
    <message>
        <source>Advisory</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
</context>
<context>
    <name>LineEdit</name>
    <message>
        <source>Clear text</source>
        <translation>Text löschen</translation>
    </message>
</context>
<context>
    <name>ListStatus</name>
    <message>
        <source>Loading customers…</source>
        <translation>Kunden werden geladen…</translation>
    </message>
    <message>
        <source>Showing the list as of {0}; refreshing…</source>
        <translation>Liste mit Stand {0}; wird aktualisiert…</translation>
    </message>
    <message>
        <source>customer list</source>
        <translation>Kundenliste</translation>
    </message>
    <message>
        <source>{0}: showing the list as of {1}.</source>
        <translation>{0}: Die Liste wird mit Stand {1} angezeigt.</translation>
    </message>
    <message>
        <source>Refresh (F5) tries again.</source>
        <translation>Aktualisieren (F5) versucht es erneut.</translation>
    </message>
    <message>
        <source>Offline: the customer list as of {0}.</source>
        <translation>Offline: Kundenliste mit Stand {0}</translation>
    </message>
    <message>
        <source>an unknown time</source>
        <translation>einem unbekannten Zeitpunkt</translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s) loaded</source>
        <translation>
            <numerusform>%n Kunde geladen</numerusform>
            <numerusform>%n Kunden geladen</numerusform>
        </translation>
    </message>
    <message>
        <source>GDAP relationships</source>
        <translation>GDAP-Beziehungen</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Partner Desk</source>
        <translation>Partner Desk</translation>
    </message>
    <message>
        <source>Find a customer with {0}.</source>
        <translation>Suchen Sie einen Kunden mit {0}.</translation>
    </message>
    <message>
        <source>Customer details</source>
        <translation>Kundendetails</translation>
    </message>
    <message>
        <source>&amp;Overview</source>
        <translation>Ü&amp;bersicht</translation>
    </message>
    <message>
        <source>Service &amp;health</source>
        <translation>&amp;Dienstintegrität</translation>
    </message>
    <message>
        <source>&amp;Incidents</source>
        <translation>&amp;Vorfälle</translation>
    </message>
    <message>
        <source>Admin &amp;portals</source>
        <translation>Admin-&amp;Portale</translation>
    </message>
    <message>
        <source>Service reque&amp;sts</source>
        <translation>&amp;Serviceanfragen</translation>
    </message>
    <message>
        <source>Find customer</source>
        <translation>Kunden suchen</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Stop loading</source>
        <translation>Laden abbrechen</translation>
    </message>
    <message>
        <source>&amp;New service request…</source>
        <translation>&amp;Neue Serviceanfrage…</translation>
    </message>
    <message>
        <source>&amp;Drafts…</source>
        <translation>&amp;Entwürfe…</translation>
    </message>
    <message>
        <source>&amp;Requests of all customers…</source>
        <translation>&amp;Anfragen aller Kunden…</translation>
    </message>
    <message>
        <source>&amp;Dashboard: who is hurt now…</source>
        <translation>&amp;Dashboard: wer gerade betroffen ist…</translation>
    </message>
    <message>
        <source>&amp;Favourite</source>
        <translation>&amp;Favorit</translation>
    </message>
    <message>
        <source>&amp;Notifications and refresh…</source>
        <translation>&amp;Benachrichtigungen und Aktualisierung…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;About Partner Desk</source>
        <translation>Ü&amp;ber Partner Desk</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Partner Desk {0}&lt;/h3&gt;&lt;p&gt;For the staff of Microsoft Cloud Solution Provider partners: find a customer, see its service health and incidents, open its admin portals in the customer&apos;s context, and file service requests with Microsoft on its behalf.&lt;/p&gt;&lt;p&gt;Proprietary software. Built with Qt {1} and PySide6 {2}, used under the GNU Lesser General Public License version 3: About Qt says more.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Partner Desk {0}&lt;/h3&gt;&lt;p&gt;Für die Mitarbeitenden von Microsoft-Partnern im Cloud Solution Provider-Programm: einen Kunden finden, seine Dienstintegrität und Vorfälle sehen, seine Admin-Portale im Kontext des Kunden öffnen und in seinem Namen Serviceanfragen bei Microsoft stellen.&lt;/p&gt;&lt;p&gt;Proprietäre Software. Erstellt mit Qt {1} und PySide6 {2}, verwendet unter der GNU Lesser General Public License Version 3: Mehr dazu unter „Über Qt“.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About Partner Desk</source>
        <translation>Über Partner Desk</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Hilfe</translation>
    </message>
    <message>
        <source>&amp;Tags…</source>
        <translation>&amp;Tags…</translation>
    </message>
    <message>
        <source>&amp;Customers</source>
        <translation>&amp;Kunden</translation>
    </message>
    <message>
        <source>&amp;Requests</source>
        <translation>&amp;Anfragen</translation>
    </message>
    <message>
        <source>No customer {0} in the list.</source>
        <translation>Kein Kunde {0} in der Liste.</translation>
    </message>
    <message>
        <source>Search cleared to show the customer you opened.</source>
        <translation>Suche geleert, um den geöffneten Kunden zu zeigen.</translation>
    </message>
    <message>
        <source>Planned chan&amp;ges</source>
        <translation>&amp;Geplante Änderungen</translation>
    </message>
    <message>
        <source>Select a customer first ({0} finds one).</source>
        <translation>Wählen Sie zuerst einen Kunden aus ({0} sucht).</translation>
    </message>
    <message>
        <source>Drafts cannot be kept: no draft store.</source>
        <translation>Entwürfe können nicht gespeichert werden: kein Entwurfsspeicher.</translation>
    </message>
    <message>
        <source>Choose a customer first.</source>
        <translation>Wählen Sie zuerst einen Kunden aus.</translation>
    </message>
    <message>
        <source>Tags are not available: the local store could not open.</source>
        <translation>Tags sind nicht verfügbar: Der lokale Speicher konnte nicht geöffnet werden.</translation>
    </message>
    <message>
        <source>Tags not saved: {0}</source>
        <translation>Tags nicht gespeichert: {0}</translation>
    </message>
    <message>
        <source>Every customer</source>
        <translation>Alle Kunden</translation>
    </message>
    <message>
        <source>Favourites</source>
        <translation>Favoriten</translation>
    </message>
    <message>
        <source>Tag: {0}</source>
        <translation>Tag: {0}</translation>
    </message>
    <message>
        <source>Nobody (no notices)</source>
        <translation>Niemand (keine Benachrichtigungen)</translation>
    </message>
    <message>
        <source>No customer selected</source>
        <translation>Kein Kunde ausgewählt</translation>
    </message>
    <message>
        <source>{0} to {1} choose a tab, and {2} goes back to the customer list.</source>
        <translation>{0} bis {1} wählen eine Registerkarte, {2} führt zurück zur Kundenliste.</translation>
    </message>
    <message>
        <source>a Control-click or a right-click</source>
        <translation>ein Control-Klick oder ein Rechtsklick</translation>
    </message>
    <message>
        <source>a right-click or the context-menu key</source>
        <translation>ein Rechtsklick oder die Kontextmenütaste</translation>
    </message>
</context>
<context>
    <name>MessagePanel</name>
    <message>
        <source>Retry</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>Retry loading</source>
        <translation>Laden wiederholen</translation>
    </message>
</context>
<context>
    <name>MessageTableModel</name>
    <message>
        <source>Prevent or fix issue</source>
        <translation>Problem verhindern oder beheben</translation>
    </message>
    <message>
        <source>Plan for change</source>
        <translation>Änderung planen</translation>
    </message>
    <message>
        <source>Stay informed</source>
        <translation>Auf dem Laufenden bleiben</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Sonstiges</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Hoch</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>Kritisch</translation>
    </message>
    <message>
        <source>%1 (passed)</source>
        <translation>%1 (verstrichen)</translation>
    </message>
    <message>
        <source>Major</source>
        <translation>Wichtig</translation>
    </message>
</context>
<context>
    <name>MessagesPane</name>
    <message>
        <source>No action required</source>
        <translation>Keine Aktion erforderlich</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Dienste</translation>
    </message>
    <message>
        <source>Action required by</source>
        <translation>Aktion erforderlich bis</translation>
    </message>
    <message>
        <source>Major change</source>
        <translation>Wichtige Änderung</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Veröffentlicht</translation>
    </message>
    <message>
        <source>Last update</source>
        <translation>Letzte Aktualisierung</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>Kunden</translation>
    </message>
    <message>
        <source>More information</source>
        <translation>Weitere Informationen</translation>
    </message>
    <message>
        <source>planned changes</source>
        <translation>geplante Änderungen</translation>
    </message>
    <message>
        <source>&amp;Major changes only</source>
        <translation>Nur &amp;wichtige Änderungen</translation>
    </message>
    <message>
        <source>Planned changes</source>
        <translation>Geplante Änderungen</translation>
    </message>
    <message>
        <source>Microsoft&apos;s message center posts for this customer: those with an action date first, soonest first. The selected post follows.</source>
        <translation>Die Beiträge von Microsoft im Nachrichtencenter für diesen Kunden: die mit Aktionsdatum zuerst, die nächsten zuerst. Danach folgt der ausgewählte Beitrag.</translation>
    </message>
    <message>
        <source>Planned change details</source>
        <translation>Details zur geplanten Änderung</translation>
    </message>
    <message>
        <source>{0} of {1} shown</source>
        <translation>{0} von {1} angezeigt</translation>
    </message>
    <message numerus="yes">
        <source>%n post(s)</source>
        <translation>
            <numerusform>%n Beitrag</numerusform>
            <numerusform>%n Beiträge</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n with an action date</source>
        <translation>
            <numerusform>%n mit Aktionsdatum</numerusform>
            <numerusform>%n mit Aktionsdatum</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n post(s) could not be read</source>
        <translation>
            <numerusform>%n Beitrag war nicht lesbar</numerusform>
            <numerusform>%n Beiträge waren nicht lesbar</numerusform>
        </translation>
    </message>
    <message>
        <source>No major changes; clear the filter to see every post.</source>
        <translation>Keine wichtigen Änderungen; entfernen Sie den Filter, um alle Beiträge zu sehen.</translation>
    </message>
    <message>
        <source>Microsoft has posted no planned changes for this customer.</source>
        <translation>Microsoft hat für diesen Kunden keine geplanten Änderungen veröffentlicht.</translation>
    </message>
</context>
<context>
    <name>NewRequestDialog</name>
    <message>
        <source>New service request — {0}</source>
        <translation>Neue Serviceanfrage – {0}</translation>
    </message>
    <message>
        <source>What is wrong, in one line</source>
        <translation>Was ist das Problem, in einer Zeile</translation>
    </message>
    <message>
        <source>Azure services are filed in the Azure portal, the rest in the admin center.</source>
        <translation>Azure-Dienste werden im Azure-Portal gestellt, alle anderen im Admin Center.</translation>
    </message>
    <message>
        <source>Loading support topics…</source>
        <translation>Supportthemen werden geladen…</translation>
    </message>
    <message>
        <source>What happens, since when, who is affected, what was tried</source>
        <translation>Was passiert, seit wann, wer ist betroffen, was wurde versucht</translation>
    </message>
    <message>
        <source>e-mail addresses, separated by commas</source>
        <translation>E-Mail-Adressen, durch Kommas getrennt</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Titel:</translation>
    </message>
    <message>
        <source>&amp;Severity:</source>
        <translation>&amp;Schweregrad:</translation>
    </message>
    <message>
        <source>Ser&amp;vice:</source>
        <translation>&amp;Dienst:</translation>
    </message>
    <message>
        <source>Partner support to&amp;pic (API):</source>
        <translation>&amp;Partner-Supportthema (API):</translation>
    </message>
    <message>
        <source>{0}: {1} {2}</source>
        <translation>{0}: {1} {2}</translation>
    </message>
    <message>
        <source>You are offline: nothing was sent. The draft is kept: once Partner Desk is online it files it, or, where Microsoft takes requests only in its web form, keeps it under Requests → Drafts… to file there.</source>
        <translation>Sie sind offline: Es wurde nichts gesendet. Der Entwurf bleibt erhalten: Sobald Partner Desk online ist, wird er eingereicht – oder, wo Microsoft Anfragen nur über sein Webformular annimmt, unter Anfragen → Entwürfe… aufbewahrt, um ihn dort einzureichen.</translation>
    </message>
    <message>
        <source>Open Microsoft&apos;s &amp;form</source>
        <translation>&amp;Formular von Microsoft öffnen</translation>
    </message>
    <message>
        <source>Submit through the &amp;API (partner ticket)</source>
        <translation>Über die &amp;API senden (Partnerticket)</translation>
    </message>
    <message>
        <source>Partner Center&apos;s create API files a ticket of your own with Microsoft that names the customer; offered while Microsoft still accepts it</source>
        <translation>Die Erstellungs-API des Partner Centers stellt bei Microsoft ein eigenes Ticket von Ihnen, das den Kunden nennt; angeboten, solange Microsoft sie noch annimmt</translation>
    </message>
    <message>
        <source>&amp;Send when online</source>
        <translation>&amp;Senden, sobald online</translation>
    </message>
    <message>
        <source>Fix the fields marked above, then try again.</source>
        <translation>Korrigieren Sie die oben markierten Felder, und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>Copies the request&apos;s text and opens Microsoft&apos;s new-request page in the customer&apos;s context ({0})</source>
        <translation>Kopiert den Text der Anfrage und öffnet die Seite von Microsoft für neue Anfragen im Kontext des Kunden ({0})</translation>
    </message>
    <message>
        <source>Offline: the draft is kept, to file once Partner Desk is online ({0})</source>
        <translation>Offline: Der Entwurf bleibt erhalten und wird eingereicht, sobald Partner Desk online ist ({0})</translation>
    </message>
    <message>
        <source>There is no {0} form to open: {1}</source>
        <translation>Kein Formular zum Öffnen ({0}): {1}</translation>
    </message>
    <message>
        <source>{0} is open in your browser, in the customer&apos;s context.</source>
        <translation>{0} ist in Ihrem Browser geöffnet, im Kontext des Kunden.</translation>
    </message>
    <message>
        <source>{0} did not open: the browser did not start. Open {1} yourself.</source>
        <translation>{0} wurde nicht geöffnet: Der Browser ist nicht gestartet. Öffnen Sie {1} selbst.</translation>
    </message>
    <message>
        <source>It may need a direct sign-in in this cloud.</source>
        <translation>In dieser Cloud ist eventuell eine direkte Anmeldung nötig.</translation>
    </message>
    <message>
        <source>The request&apos;s text is on the clipboard and your draft is kept. {0}
1. Paste the text into Microsoft&apos;s form and submit it.
2. Enter the request number Microsoft shows below and choose Mark as filed.</source>
        <translation>Der Text der Anfrage ist in der Zwischenablage, und Ihr Entwurf bleibt erhalten. {0}
1. Fügen Sie den Text in das Formular von Microsoft ein, und senden Sie es ab.
2. Geben Sie unten die Anfragenummer ein, die Microsoft anzeigt, und wählen Sie „Als gestellt markieren“.</translation>
    </message>
    <message>
        <source>Not recorded; your draft is kept. {0}</source>
        <translation>Nicht erfasst; Ihr Entwurf bleibt erhalten. {0}</translation>
    </message>
    <message>
        <source>Request {0} for {1} recorded as filed with Microsoft.</source>
        <translation>Anfrage {0} für {1} als bei Microsoft gestellt erfasst.</translation>
    </message>
    <message>
        <source>This draft is being sent by another Partner Desk window. Nothing was sent from here; your draft is kept.</source>
        <translation>Dieser Entwurf wird gerade von einem anderen Partner-Desk-Fenster gesendet. Von hier wurde nichts gesendet; Ihr Entwurf bleibt erhalten.</translation>
    </message>
    <message>
        <source>This draft was already filed as request {0}; it was not sent again.</source>
        <translation>Dieser Entwurf wurde bereits als Anfrage {0} erfasst; er wurde nicht erneut gesendet.</translation>
    </message>
    <message>
        <source>Partner ticket {0} filed with Microsoft (it names the customer).</source>
        <translation>Partnerticket {0} bei Microsoft gestellt (es nennt den Kunden).</translation>
    </message>
    <message>
        <source>Draft “{0}” for {1} kept: {2} or Service requests → Drafts reopens it.</source>
        <translation>Entwurf „{0}“ für {1} gespeichert: {2} oder Serviceanfragen → Entwürfe öffnet ihn wieder.</translation>
    </message>
    <message>
        <source>Not marked to send; your draft is kept. {0}</source>
        <translation>Nicht zum Senden vorgemerkt; Ihr Entwurf bleibt erhalten. {0}</translation>
    </message>
    <message>
        <source>not in Microsoft&apos;s list yet</source>
        <translation>noch nicht in Microsofts Liste</translation>
    </message>
    <message>
        <source>Microsoft accepted the request, but its number could not be read ({0}). Your draft is kept, marked as filed: nothing will be sent again. Submit later to look its number up.</source>
        <translation>Microsoft hat die Anfrage angenommen, ihre Nummer konnte aber nicht gelesen werden ({0}). Ihr Entwurf bleibt erhalten und ist als gestellt markiert: Es wird nichts erneut gesendet. Senden Sie später noch einmal, um die Nummer nachzuschlagen.</translation>
    </message>
    <message>
        <source>The request may have reached Microsoft, and it could not be confirmed ({0}). Nothing more was sent; your draft is kept. Submit again later: Microsoft&apos;s list is checked before anything is sent.</source>
        <translation>Die Anfrage hat Microsoft möglicherweise erreicht, konnte aber nicht bestätigt werden ({0}). Es wurde nichts weiter gesendet; Ihr Entwurf bleibt erhalten. Senden Sie später erneut: Vor jedem Senden wird Microsofts Liste geprüft.</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>(ohne Titel)</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Beschreibung:</translation>
    </message>
    <message>
        <source>Contact &amp;name:</source>
        <translation>Kontakt&amp;name:</translation>
    </message>
    <message>
        <source>Contact &amp;e-mail:</source>
        <translation>Kontakt-E-&amp;Mail:</translation>
    </message>
    <message>
        <source>&amp;CC:</source>
        <translation>&amp;CC:</translation>
    </message>
    <message>
        <source>&amp;Keep as draft</source>
        <translation>Als &amp;Entwurf behalten</translation>
    </message>
    <message>
        <source>Choose a support topic</source>
        <translation>Supportthema auswählen</translation>
    </message>
    <message>
        <source>The draft could not be saved: {0}</source>
        <translation>Der Entwurf konnte nicht gespeichert werden: {0}</translation>
    </message>
    <message>
        <source>Submitting to Microsoft…</source>
        <translation>Wird an Microsoft gesendet…</translation>
    </message>
    <message>
        <source>Microsoft no longer takes requests through the API.</source>
        <translation>Microsoft nimmt über die API keine Anfragen mehr an.</translation>
    </message>
    <message>
        <source>Not filed; your draft is kept. {0}</source>
        <translation>Nicht gestellt; Ihr Entwurf bleibt erhalten. {0}</translation>
    </message>
    <message>
        <source>Open {0} in your browser ({1}).</source>
        <translation>Öffnen Sie {0} in Ihrem Browser ({1}).</translation>
    </message>
    <message>
        <source>Microsoft incident {0} ({1}) affects this customer.
{2}

</source>
        <translation>Der Microsoft-Vorfall {0} ({1}) betrifft diesen Kunden.
{2}

</translation>
    </message>
    <message>
        <source>advisory</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>incident</source>
        <translation>Vorfall</translation>
    </message>
    <message>
        <source>Suggested from Microsoft&apos;s {0} {1} ({2}): {3}. Change it if the impact at this customer differs.</source>
        <translation>Vorgeschlagen nach Microsofts {0} {1} ({2}): {3}. Ändern Sie ihn, wenn die Auswirkung bei diesem Kunden anders ist.</translation>
    </message>
    <message>
        <source>Contact: {0}</source>
        <translation>Kontakt: {0}</translation>
    </message>
    <message>
        <source>Contact: {0} (from your account)</source>
        <translation>Kontakt: {0} (aus Ihrem Konto)</translation>
    </message>
    <message>
        <source>Contact: the contact details of your Partner Center account</source>
        <translation>Kontakt: die Kontaktdaten Ihres Partner Center-Kontos</translation>
    </message>
</context>
<context>
    <name>NoticeCentre</name>
    <message>
        <source>Notices</source>
        <translation>Benachrichtigungen</translation>
    </message>
    <message>
        <source>Partner Desk</source>
        <translation>Partner Desk</translation>
    </message>
    <message numerus="yes">
        <source>%n new notice(s)</source>
        <translation>
            <numerusform>%n neue Benachrichtigung</numerusform>
            <numerusform>%n neue Benachrichtigungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new service health notice(s)</source>
        <translation>
            <numerusform>%n neue Benachrichtigung zur Dienstintegrität</numerusform>
            <numerusform>%n neue Benachrichtigungen zur Dienstintegrität</numerusform>
        </translation>
    </message>
    <message>
        <source>No new service health notices</source>
        <translation>Keine neuen Benachrichtigungen zur Dienstintegrität</translation>
    </message>
    <message>
        <source>No notices yet</source>
        <translation>Noch keine Benachrichtigungen</translation>
    </message>
    <message>
        <source>Mark all as read</source>
        <translation>Alle als gelesen markieren</translation>
    </message>
    <message>
        <source>Show Partner Desk</source>
        <translation>Partner Desk anzeigen</translation>
    </message>
    <message>
        <source>Quit Partner Desk</source>
        <translation>Partner Desk beenden</translation>
    </message>
</context>
<context>
    <name>NoticeSettingsDialog</name>
    <message>
        <source>Notifications and refresh</source>
        <translation>Benachrichtigungen und Aktualisierung</translation>
    </message>
    <message>
        <source> min</source>
        <translation> Min.</translation>
    </message>
    <message>
        <source>Only by hand</source>
        <translation>Nur manuell</translation>
    </message>
    <message>
        <source>Refresh health every</source>
        <translation>Integrität aktualisieren alle</translation>
    </message>
    <message>
        <source>Notify about</source>
        <translation>Benachrichtigen über</translation>
    </message>
    <message>
        <source> days</source>
        <translation> Tagen</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nie</translation>
    </message>
    <message>
        <source>Notify about major changes whose action is due within</source>
        <translation>Über wichtige Änderungen benachrichtigen, deren Aktion fällig ist in</translation>
    </message>
    <message>
        <source>Message center: one notice per major change whose action date is this close, naming the customers it concerns.</source>
        <translation>Nachrichtencenter: eine Benachrichtigung je wichtiger Änderung, deren Aktionsdatum so nahe ist, mit den betroffenen Kunden.</translation>
    </message>
    <message>
        <source>Services to notify about</source>
        <translation>Dienste, über die benachrichtigt wird</translation>
    </message>
    <message>
        <source>Space checks or unchecks a service.</source>
        <translation>Die Leertaste aktiviert oder deaktiviert einen Dienst.</translation>
    </message>
    <message>
        <source>Services appear here after the first health check.</source>
        <translation>Die Dienste erscheinen hier nach der ersten Integritätsprüfung.</translation>
    </message>
    <message>
        <source>&amp;Refresh health every:</source>
        <translation>Integrität &amp;aktualisieren alle:</translation>
    </message>
    <message>
        <source>&amp;Notify about:</source>
        <translation>&amp;Benachrichtigen über:</translation>
    </message>
    <message>
        <source>&amp;Major changes due within:</source>
        <translation>&amp;Wichtige Änderungen fällig in:</translation>
    </message>
    <message>
        <source>&amp;Services (all checked: every service, new ones too):</source>
        <translation>&amp;Dienste (alle aktiviert: jeder Dienst, auch neue):</translation>
    </message>
</context>
<context>
    <name>Notices</name>
    <message numerus="yes">
        <source>Touches %Ln customer(s): </source>
        <translation>
            <numerusform>Betrifft %Ln Kunden: </numerusform>
            <numerusform>Betrifft %Ln Kunden: </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n service health change(s)</source>
        <translation>
            <numerusform>%n Änderung der Dienstintegrität</numerusform>
            <numerusform>%n Änderungen der Dienstintegrität</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{0}: {1} (%Ln customer(s))</source>
        <translation>
            <numerusform>{0}: {1} (%Ln Kunde)</numerusform>
            <numerusform>{0}: {1} (%Ln Kunden)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln customer(s)</source>
        <translation>
            <numerusform>%Ln Kunde</numerusform>
            <numerusform>%Ln Kunden</numerusform>
        </translation>
    </message>
    <message>
        <source>action by {0}</source>
        <translation>Aktion bis {0}</translation>
    </message>
    <message>
        <source>new {0}</source>
        <translation>neuer {0}</translation>
    </message>
    <message>
        <source>advisory</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>incident</source>
        <translation>Vorfall</translation>
    </message>
    <message>
        <source>Action due {0}: {1} {2}</source>
        <translation>Aktion fällig am {0}: {1} {2}</translation>
    </message>
    <message>
        <source>New issue {0}: {1}</source>
        <translation>Neues Problem {0}: {1}</translation>
    </message>
    <message>
        <source>{0} changed: {1}</source>
        <translation>{0} geändert: {1}</translation>
    </message>
</context>
<context>
    <name>OpenRequestsWindow</name>
    <message>
        <source>Service requests — all customers</source>
        <translation>Serviceanfragen – alle Kunden</translation>
    </message>
    <message>
        <source>Open or needing attention</source>
        <translation>Offen oder Aktion erforderlich</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Beliebiger Status</translation>
    </message>
    <message>
        <source>Any severity</source>
        <translation>Beliebiger Schweregrad</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>&amp;Neu laden</translation>
    </message>
    <message>
        <source>Request number, title or customer</source>
        <translation>Anfragenummer, Titel oder Kunde</translation>
    </message>
    <message>
        <source>Find a request</source>
        <translation>Anfrage suchen</translation>
    </message>
    <message>
        <source>&amp;Find:</source>
        <translation>S&amp;uchen:</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>&amp;Status:</translation>
    </message>
    <message>
        <source>S&amp;everity:</source>
        <translation>Sch&amp;weregrad:</translation>
    </message>
    <message>
        <source>Customers read</source>
        <translation>Gelesene Kunden</translation>
    </message>
    <message>
        <source>%v of %m customers</source>
        <translation>%v von %m Kunden</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>&amp;Anhalten</translation>
    </message>
    <message>
        <source>Service requests of all customers</source>
        <translation>Serviceanfragen aller Kunden</translation>
    </message>
    <message>
        <source>Your partner tickets with Microsoft</source>
        <translation>Ihre Partnertickets bei Microsoft</translation>
    </message>
    <message>
        <source>Your own tickets with Microsoft (Partner Center&apos;s partner list), not a customer&apos;s. Customers&apos; requests are in the first tab.</source>
        <translation>Ihre eigenen Tickets bei Microsoft (Partnerliste des Partner Centers), nicht die eines Kunden. Die Anfragen der Kunden stehen auf der ersten Registerkarte.</translation>
    </message>
    <message>
        <source>Customers&apos; requests, your own, and whose could not be read</source>
        <translation>Anfragen der Kunden, Ihre eigenen und Kunden, deren Anfragen nicht lesbar waren</translation>
    </message>
    <message>
        <source>&amp;Customers&apos; requests</source>
        <translation>&amp;Kundenanfragen</translation>
    </message>
    <message>
        <source>Your &amp;partner tickets with Microsoft</source>
        <translation>Ihre &amp;Partnertickets bei Microsoft</translation>
    </message>
    <message>
        <source>Not read last time</source>
        <translation>Beim letzten Mal nicht lesbar</translation>
    </message>
    <message numerus="yes">
        <source>Could &amp;not be read (%n)</source>
        <translation>
            <numerusform>Nicht &amp;lesbar (%n)</numerusform>
            <numerusform>Nicht &amp;lesbar (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>Could &amp;not be read</source>
        <translation>Nicht &amp;lesbar</translation>
    </message>
    <message>
        <source>Failed after %1 of %2 customers</source>
        <translation>Fehlgeschlagen nach %1 von %2 Kunden</translation>
    </message>
    <message numerus="yes">
        <source>(%n could not be read)</source>
        <translation>
            <numerusform>(%n nicht lesbar)</numerusform>
            <numerusform>(%n nicht lesbar)</numerusform>
        </translation>
    </message>
    <message>
        <source>your partner tickets</source>
        <translation>Ihre Partnertickets</translation>
    </message>
    <message>
        <source>The customer first. The selected request&apos;s details follow; Enter opens its customer in the main window.</source>
        <translation>Zuerst der Kunde. Die Details der ausgewählten Anfrage folgen; die Eingabetaste öffnet ihren Kunden im Hauptfenster.</translation>
    </message>
    <message>
        <source>The selected request</source>
        <translation>Die ausgewählte Anfrage</translation>
    </message>
    <message>
        <source>Tickets your organisation filed with Microsoft about its own business. The selected ticket&apos;s details follow; Enter moves to them.</source>
        <translation>Tickets, die Ihre Organisation bei Microsoft zu ihrem eigenen Geschäft eingereicht hat. Die Details des ausgewählten Tickets folgen; die Eingabetaste wechselt zu ihnen.</translation>
    </message>
    <message>
        <source>The selected partner ticket</source>
        <translation>Das ausgewählte Partnerticket</translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <source>service requests</source>
        <translation>Serviceanfragen</translation>
    </message>
    <message>
        <source>Stopped after %1 of %2 customers</source>
        <translation>Angehalten nach %1 von %2 Kunden</translation>
    </message>
    <message>
        <source>%1 of %2 customers read</source>
        <translation>%1 von %2 Kunden gelesen</translation>
    </message>
    <message>
        <source>Reading %1 of %2 customers…</source>
        <translation>%1 von %2 Kunden werden gelesen…</translation>
    </message>
    <message>
        <source>%1 of %2 shown</source>
        <translation>%1 von %2 angezeigt</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Customers whose requests could not be read</source>
        <translation>Kunden, deren Anfragen nicht lesbar waren</translation>
    </message>
    <message>
        <source>Enter opens the customer in the main window.</source>
        <translation>Die Eingabetaste öffnet den Kunden im Hauptfenster.</translation>
    </message>
</context>
<context>
    <name>OverviewPane</name>
    <message>
        <source>profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Customer overview</source>
        <translation>Kundenübersicht</translation>
    </message>
    <message>
        <source>Which of your partner&apos;s security groups hold which roles in this customer</source>
        <translation>Welche Sicherheitsgruppen Ihres Partners welche Rollen bei diesem Kunden haben</translation>
    </message>
    <message>
        <source>GDAP relationships</source>
        <translation>GDAP-Beziehungen</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Unternehmen</translation>
    </message>
    <message>
        <source>Tenant ID</source>
        <translation>Mandanten-ID</translation>
    </message>
    <message>
        <source>Initial domain</source>
        <translation>Ursprüngliche Domäne</translation>
    </message>
    <message>
        <source>Default domain</source>
        <translation>Standarddomäne</translation>
    </message>
    <message>
        <source>Relationship</source>
        <translation>Beziehung</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Other relationships</source>
        <translation>Weitere Beziehungen</translation>
    </message>
    <message numerus="yes">
        <source>%n more: Customers → GDAP relationships</source>
        <translation>
            <numerusform>%n weitere: Kunden → GDAP-Beziehungen</numerusform>
            <numerusform>%n weitere: Kunden → GDAP-Beziehungen</numerusform>
        </translation>
    </message>
    <message>
        <source>Security groups (active relationship)</source>
        <translation>Sicherheitsgruppen (aktive Beziehung)</translation>
    </message>
    <message>
        <source>Security groups</source>
        <translation>Sicherheitsgruppen</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>%1 (you are a member)</source>
        <translation>%1 (Sie sind Mitglied)</translation>
    </message>
    <message>
        <source>Security group</source>
        <translation>Sicherheitsgruppe</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>security groups</source>
        <translation>Sicherheitsgruppen</translation>
    </message>
    <message>
        <source>Hi&amp;de security groups</source>
        <translation>Sicherheitsgruppen ausblen&amp;den</translation>
    </message>
    <message>
        <source>GDAP relationship</source>
        <translation>GDAP-Beziehung</translation>
    </message>
    <message>
        <source>Sho&amp;w security groups</source>
        <translation>Sicherheitsgruppen an&amp;zeigen</translation>
    </message>
    <message>
        <source>Other relationship</source>
        <translation>Weitere Beziehung</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Ends</source>
        <translation>Endet</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Rollen</translation>
    </message>
    <message>
        <source>Not available in the {0}</source>
        <translation>In {0} nicht verfügbar</translation>
    </message>
    <message>
        <source>Access</source>
        <translation>Zugriff</translation>
    </message>
    <message>
        <source>None: no relationship with this customer is active</source>
        <translation>Keiner: Keine Beziehung mit diesem Kunden ist aktiv</translation>
    </message>
    <message>
        <source>service health</source>
        <translation>Dienstintegrität</translation>
    </message>
    <message>
        <source>Service health</source>
        <translation>Dienstintegrität</translation>
    </message>
    <message>
        <source>Degraded services</source>
        <translation>Beeinträchtigte Dienste</translation>
    </message>
    <message numerus="yes">
        <source>%n of {0}</source>
        <translation>
            <numerusform>%n von {0}</numerusform>
            <numerusform>%n von {0}</numerusform>
        </translation>
    </message>
    <message>
        <source>Open incidents</source>
        <translation>Offene Vorfälle</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Right now</source>
        <translation>Aktuell</translation>
    </message>
    <message>
        <source>Delegated access</source>
        <translation>Delegierter Zugriff</translation>
    </message>
</context>
<context>
    <name>Pane</name>
    <message>
        <source>Loading…</source>
        <extracomment>what the pane shows, for error titles (&quot;No GDAP access to this customer&apos;s …&quot;)</extracomment>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>Select a customer</source>
        <translation>Kunden auswählen</translation>
    </message>
    <message>
        <source>Pick a customer on the left to see its details here.</source>
        <translation>Wählen Sie links einen Kunden aus, um hier seine Details zu sehen.</translation>
    </message>
    <message>
        <source>Allow in this customer</source>
        <translation>Bei diesem Kunden zulassen</translation>
    </message>
    <message>
        <source>Open GDAP relationships</source>
        <translation>GDAP-Beziehungen öffnen</translation>
    </message>
    <message>
        <source>Allowing…</source>
        <translation>Wird zugelassen…</translation>
    </message>
    <message>
        <source>Allowing Partner Desk in {0}…</source>
        <translation>Partner Desk wird bei {0} zugelassen…</translation>
    </message>
    <message>
        <source>Asking Partner Center to grant consent for the app in this customer, then waiting for Microsoft to apply it (usually a few seconds).</source>
        <translation>Das Partner Center wird gebeten, die Zustimmung für die App bei diesem Kunden zu erteilen; danach wartet Partner Desk, bis Microsoft sie übernimmt (meist wenige Sekunden).</translation>
    </message>
    <message>
        <source>Partner Center refused to grant consent: your GDAP roles in this customer cannot consent to apps. It takes Global Administrator, Privileged Role Administrator or Cloud Application Administrator, through a security group you belong to. Ask for such a role in the customer&apos;s GDAP relationship, or ask the customer&apos;s administrator to consent.</source>
        <translation>Partner Center hat es abgelehnt, die Zustimmung zu erteilen: Ihre GDAP-Rollen bei diesem Kunden dürfen keine Zustimmung für Apps erteilen. Dafür brauchen Sie Global Administrator, Privileged Role Administrator oder Cloud Application Administrator über eine Sicherheitsgruppe, der Sie angehören. Fordern Sie eine solche Rolle in der GDAP-Beziehung des Kunden an, oder bitten Sie den Administrator des Kunden, die Zustimmung zu erteilen.</translation>
    </message>
    <message>
        <source>Partner Desk is allowed in {0}.</source>
        <translation>Partner Desk ist bei {0} zugelassen.</translation>
    </message>
    <message>
        <source>You cannot allow Partner Desk in this customer</source>
        <translation>Sie können Partner Desk bei diesem Kunden nicht zulassen</translation>
    </message>
    <message>
        <source>Partner Desk could not be allowed in this customer</source>
        <translation>Partner Desk konnte bei diesem Kunden nicht zugelassen werden</translation>
    </message>
</context>
<context>
    <name>PartnerContextPanel</name>
    <message>
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>Information</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>Kritisch</translation>
    </message>
    <message>
        <source>Action required</source>
        <translation>Handlung erforderlich</translation>
    </message>
    <message>
        <source>For your awareness</source>
        <translation>Zur Kenntnisnahme</translation>
    </message>
    <message>
        <source>Partner Center: partner-level context</source>
        <translation>Partner Center: Kontext auf Partnerebene</translation>
    </message>
    <message>
        <source>What Partner Center reports for your partner account as a whole: not any customer&apos;s health.</source>
        <translation>Was das Partner Center für Ihr Partnerkonto als Ganzes meldet, nicht die Dienstintegrität eines Kunden.</translation>
    </message>
    <message>
        <source>Partner Center incidents and notices</source>
        <translation>Vorfälle und Benachrichtigungen des Partner Centers</translation>
    </message>
    <message>
        <source>Partner-level context for every customer; the selected one&apos;s text follows.</source>
        <translation>Kontext auf Partnerebene für alle Kunden; danach folgt der Text des ausgewählten Eintrags.</translation>
    </message>
    <message>
        <source>Partner Center incident or notice</source>
        <translation>Vorfall oder Benachrichtigung des Partner Centers</translation>
    </message>
    <message>
        <source>Select an incident or notice to read it.</source>
        <translation>Wählen Sie einen Vorfall oder Hinweis aus, um ihn zu lesen.</translation>
    </message>
    <message>
        <source>Not offered in the {0}.</source>
        <translation>In {0} nicht angeboten.</translation>
    </message>
    <message>
        <source>partner incidents</source>
        <translation>Partnervorfälle</translation>
    </message>
    <message>
        <source>No open partner-level incidents or notices.</source>
        <translation>Keine offenen Vorfälle oder Benachrichtigungen auf Partnerebene.</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) could not be read.</source>
        <translation>
            <numerusform>%n Eintrag war nicht lesbar.</numerusform>
            <numerusform>%n Einträge waren nicht lesbar.</numerusform>
        </translation>
    </message>
    <message>
        <source>act by {0}</source>
        <translation>Aktion bis {0}</translation>
    </message>
    <message>
        <source>Message center · {0} · {1} ({2})</source>
        <translation>Nachrichtencenter · {0} · {1} ({2})</translation>
    </message>
    <message>
        <source>Incident · {0} · {1} ({2}, {3})</source>
        <translation>Vorfall · {0} · {1} ({2}, {3})</translation>
    </message>
    <message>
        <source>Message center notice (partner-level)</source>
        <translation>Benachrichtigung im Nachrichtencenter (Partnerebene)</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Dienst</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <source>Act by</source>
        <translation>Aktion bis</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Veröffentlicht</translation>
    </message>
    <message>
        <source>Service incident (partner-level)</source>
        <translation>Dienstvorfall (Partnerebene)</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Begonnen</translation>
    </message>
    <message>
        <source>Customers affected (Partner Center)</source>
        <translation>Betroffene Kunden (laut Partner Center)</translation>
    </message>
</context>
<context>
    <name>PlannedChangesView</name>
    <message>
        <source>Check &amp;planned changes</source>
        <translation>Geplante Änderungen &amp;prüfen</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>An&amp;halten</translation>
    </message>
    <message>
        <source>&amp;Major changes only</source>
        <translation>Nur &amp;wichtige Änderungen</translation>
    </message>
    <message>
        <source>Planned changes progress</source>
        <translation>Fortschritt beim Lesen der geplanten Änderungen</translation>
    </message>
    <message>
        <source>Planned changes of every customer</source>
        <translation>Geplante Änderungen aller Kunden</translation>
    </message>
    <message>
        <source>Each message center post once, those with an action date first, soonest first, with how many customers it concerns. The selected one follows.</source>
        <translation>Jeder Beitrag des Nachrichtencenters einmal, die mit Aktionsdatum zuerst, die nächsten zuerst, mit der Anzahl der betroffenen Kunden. Danach folgt der ausgewählte Beitrag.</translation>
    </message>
    <message>
        <source>No planned changes read yet: check them, or wait for the health check.</source>
        <translation>Noch keine geplanten Änderungen gelesen: Prüfen Sie sie, oder warten Sie auf die Integritätsprüfung.</translation>
    </message>
    <message>
        <source>Planned change details</source>
        <translation>Details zur geplanten Änderung</translation>
    </message>
    <message>
        <source>Customers it concerns</source>
        <translation>Betroffene Kunden</translation>
    </message>
    <message>
        <source>Enter opens the customer in the main window.</source>
        <translation>Die Eingabetaste öffnet den Kunden im Hauptfenster.</translation>
    </message>
    <message>
        <source>Reading message centers: %1 of %2 · %3 failed</source>
        <translation>Nachrichtencenter werden gelesen: %1 von %2 · %3 fehlgeschlagen</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>angehalten</translation>
    </message>
    <message numerus="yes">
        <source>%n post(s)</source>
        <translation>
            <numerusform>%n Beitrag</numerusform>
            <numerusform>%n Beiträge</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n with an action date</source>
        <translation>
            <numerusform>%n mit Aktionsdatum</numerusform>
            <numerusform>%n mit Aktionsdatum</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s) read</source>
        <translation>
            <numerusform>%n Kunde gelesen</numerusform>
            <numerusform>%n Kunden gelesen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n could not be read</source>
        <translation>
            <numerusform>%n nicht lesbar</numerusform>
            <numerusform>%n nicht lesbar</numerusform>
        </translation>
    </message>
    <message>
        <source>read {0}</source>
        <translation>gelesen {0}</translation>
    </message>
</context>
<context>
    <name>PortalModel</name>
    <message>
        <source>Unavailable: %1</source>
        <translation>Nicht verfügbar: %1</translation>
    </message>
    <message>
        <source>%1 (derived)</source>
        <translation>%1 (abgeleitet)</translation>
    </message>
</context>
<context>
    <name>PortalsPane</name>
    <message>
        <source>admin portals</source>
        <translation>Admin-Portale</translation>
    </message>
    <message>
        <source>Admin portals</source>
        <translation>Admin-Portale</translation>
    </message>
    <message>
        <source>Press Enter or double-click to open the portal in your browser.</source>
        <translation>Drücken Sie die Eingabetaste oder doppelklicken Sie, um das Portal in Ihrem Browser zu öffnen.</translation>
    </message>
    <message>
        <source>Open in &amp;browser</source>
        <translation>Im Browser ö&amp;ffnen</translation>
    </message>
    <message>
        <source>Unavailable: {0}</source>
        <translation>Nicht verfügbar: {0}</translation>
    </message>
    <message>
        <source>Copied the link of {0}.</source>
        <translation>Link von {0} kopiert.</translation>
    </message>
    <message>
        <source>{0} cannot be opened: {1}</source>
        <translation>{0} kann nicht geöffnet werden: {1}</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>&amp;Suchen in:</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>Dateien des &amp;Typs:</translation>
    </message>
</context>
<context>
    <name>RecordTableModel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Domain</source>
        <translation>Domäne</translation>
    </message>
    <message>
        <source>Relationship</source>
        <translation>Beziehung</translation>
    </message>
    <message>
        <source>Tenant ID</source>
        <translation>Mandanten-ID</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>Integrität</translation>
    </message>
    <message>
        <source>GDAP</source>
        <translation>GDAP</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Dienst</translation>
    </message>
    <message>
        <source>Classification</source>
        <translation>Klassifizierung</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>Kunden</translation>
    </message>
    <message>
        <source>Last update</source>
        <translation>Letzte Aktualisierung</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Rollen</translation>
    </message>
    <message>
        <source>Ends</source>
        <translation>Endet</translation>
    </message>
    <message>
        <source>Security group</source>
        <translation>Sicherheitsgruppe</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Sie</translation>
    </message>
    <message>
        <source>Portal</source>
        <translation>Portal</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Zweck</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Link</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Last modified</source>
        <translation>Zuletzt geändert</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Dienste</translation>
    </message>
    <message>
        <source>Action required by</source>
        <translation>Aktion bis</translation>
    </message>
    <message>
        <source>Major change</source>
        <translation>Wichtige Änderung</translation>
    </message>
</context>
<context>
    <name>RelationshipDetail</name>
    <message>
        <source>Selected relationship</source>
        <translation>Ausgewählte Beziehung</translation>
    </message>
    <message>
        <source>&amp;Invitation link:</source>
        <translation>&amp;Einladungslink:</translation>
    </message>
    <message>
        <source>Invitation link</source>
        <translation>Einladungslink</translation>
    </message>
    <message>
        <source>&amp;Copy link</source>
        <translation>Link &amp;kopieren</translation>
    </message>
    <message>
        <source>&amp;Open in browser</source>
        <translation>Im Browser ö&amp;ffnen</translation>
    </message>
    <message>
        <source>Open in a &amp;private window</source>
        <translation>In einem &amp;privaten Fenster öffnen</translation>
    </message>
    <message>
        <source>Send this link to a Global Administrator of the customer: they approve the relationship in the Microsoft 365 admin center.</source>
        <translation>Senden Sie diesen Link an einen Global Administrator des Kunden: Dieser genehmigt die Beziehung im Microsoft 365 Admin Center.</translation>
    </message>
    <message>
        <source>Security groups and their roles</source>
        <translation>Sicherheitsgruppen und ihre Rollen</translation>
    </message>
    <message>
        <source>Security &amp;groups with roles in this relationship:</source>
        <translation>&amp;Sicherheitsgruppen mit Rollen in dieser Beziehung:</translation>
    </message>
    <message>
        <source>Choose a relationship to see its security groups.</source>
        <translation>Wählen Sie eine Beziehung aus, um ihre Sicherheitsgruppen zu sehen.</translation>
    </message>
    <message>
        <source>Relationship id: {0}</source>
        <translation>Beziehungs-ID: {0}</translation>
    </message>
    <message>
        <source>Not yet sent for approval: finish the request in Partner Center, then the invitation link appears here.</source>
        <translation>Noch nicht zur Genehmigung gesendet: Schließen Sie die Anfrage im Partner Center ab, dann erscheint der Einladungslink hier.</translation>
    </message>
    <message>
        <source>No invitation link in this cloud: send it from Partner Center.</source>
        <translation>Kein Einladungslink in dieser Cloud: Senden Sie ihn aus dem Partner Center.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>security groups</source>
        <translation>Sicherheitsgruppen</translation>
    </message>
    <message>
        <source>None yet: security groups get roles once the customer has approved the relationship and it is active.</source>
        <translation>Noch keine: Sicherheitsgruppen erhalten Rollen, sobald der Kunde die Beziehung genehmigt hat und sie aktiv ist.</translation>
    </message>
    <message>
        <source>No security group has roles in this relationship.</source>
        <translation>Keine Sicherheitsgruppe hat Rollen in dieser Beziehung.</translation>
    </message>
    <message>
        <source>Group names could not be read ({0}): groups are shown by object id. Partner Desk reads the names of your own groups with the Microsoft Graph permission User.Read in your partner tenant.</source>
        <translation>Gruppennamen waren nicht lesbar ({0}): Die Gruppen werden mit ihrer Objekt-ID angezeigt. Partner Desk liest die Namen Ihrer eigenen Gruppen mit der Microsoft Graph-Berechtigung User.Read in Ihrem Partnermandanten.</translation>
    </message>
    <message>
        <source>You are in none of these groups: this relationship gives you no access. Groups you are not in are shown by object id.</source>
        <translation>Sie gehören keiner dieser Gruppen an: Diese Beziehung gibt Ihnen keinen Zugriff. Gruppen, denen Sie nicht angehören, werden mit ihrer Objekt-ID angezeigt.</translation>
    </message>
    <message>
        <source>Groups you are not in are shown by object id: reading other groups&apos; names would need a directory permission Partner Desk does not ask for.</source>
        <translation>Gruppen, denen Sie nicht angehören, werden mit ihrer Objekt-ID angezeigt: Um die Namen anderer Gruppen zu lesen, wäre eine Verzeichnisberechtigung nötig, die Partner Desk nicht anfordert.</translation>
    </message>
    <message numerus="yes">
        <source>%n assignment(s) could not be read (see the log).</source>
        <translation>
            <numerusform>%n Zuweisung war nicht lesbar (siehe Protokoll).</numerusform>
            <numerusform>%n Zuweisungen waren nicht lesbar (siehe Protokoll).</numerusform>
        </translation>
    </message>
    <message>
        <source>Invitation link copied.</source>
        <translation>Einladungslink kopiert.</translation>
    </message>
    <message>
        <source>Could not open the link: {0}</source>
        <translation>Der Link konnte nicht geöffnet werden: {0}</translation>
    </message>
    <message>
        <source>Opened the invitation in the browser.</source>
        <translation>Die Einladung wurde im Browser geöffnet.</translation>
    </message>
</context>
<context>
    <name>RequestDesk</name>
    <message numerus="yes">
        <source>%n draft(s) kept while offline sent to Microsoft.</source>
        <translation>
            <numerusform>%n offline gespeicherter Entwurf an Microsoft gesendet.</numerusform>
            <numerusform>%n offline gespeicherte Entwürfe an Microsoft gesendet.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n draft(s) kept while offline still to file: Requests → Drafts…</source>
        <translation>
            <numerusform>%n offline gespeicherter Entwurf ist noch zu stellen: Anfragen → Entwürfe…</numerusform>
            <numerusform>%n offline gespeicherte Entwürfe sind noch zu stellen: Anfragen → Entwürfe…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RequestNumberBox</name>
    <message>
        <source>Microsoft&apos;s re&amp;quest number:</source>
        <translation>Anf&amp;ragenummer von Microsoft:</translation>
    </message>
    <message>
        <source>as Microsoft&apos;s confirmation shows it</source>
        <translation>wie in der Bestätigung von Microsoft angezeigt</translation>
    </message>
    <message>
        <source>Microsoft&apos;s request number</source>
        <translation>Anfragenummer von Microsoft</translation>
    </message>
    <message>
        <source>Mark as fi&amp;led</source>
        <translation>Als &amp;gestellt markieren</translation>
    </message>
    <message>
        <source>Record Microsoft&apos;s request number; the draft is then removed</source>
        <translation>Die Anfragenummer von Microsoft erfassen; der Entwurf wird dann entfernt</translation>
    </message>
</context>
<context>
    <name>RequestsPane</name>
    <message>
        <source>service requests</source>
        <translation>Serviceanfragen</translation>
    </message>
    <message>
        <source>Service requests</source>
        <translation>Serviceanfragen</translation>
    </message>
    <message>
        <source>Service request details</source>
        <translation>Details zur Serviceanfrage</translation>
    </message>
    <message>
        <source>&amp;New request…</source>
        <translation>&amp;Neue Anfrage…</translation>
    </message>
    <message>
        <source>A&amp;dd note…</source>
        <translation>Notiz &amp;hinzufügen…</translation>
    </message>
    <message>
        <source>Filed as a partner ticket through the API, #{0}: {1} ({2})</source>
        <translation>Als Partnerticket über die API gestellt, #{0}: {1} ({2})</translation>
    </message>
    <message>
        <source>Filed via Microsoft&apos;s web form, #{0}: {1} ({2})</source>
        <translation>Über das Webformular von Microsoft gestellt, #{0}: {1} ({2})</translation>
    </message>
    <message>
        <source>— in Microsoft&apos;s list below</source>
        <translation>– in der Liste von Microsoft unten</translation>
    </message>
    <message numerus="yes">
        <source>Dra&amp;fts (%n)</source>
        <translation>
            <numerusform>&amp;Entwürfe (%n)</numerusform>
            <numerusform>&amp;Entwürfe (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>Not available in this cloud</source>
        <translation>In dieser Cloud nicht verfügbar</translation>
    </message>
    <message>
        <source>Service requests are not offered in the {0}.</source>
        <translation>Serviceanfragen werden in {0} nicht angeboten.</translation>
    </message>
    <message>
        <source>No requests in Partner Center&apos;s list for this customer.</source>
        <translation>In der Liste von Partner Center gibt es für diesen Kunden keine Anfragen.</translation>
    </message>
    <message>
        <source>Nothing has been filed with Microsoft for this customer.</source>
        <translation>Für diesen Kunden wurde bei Microsoft noch nichts gestellt.</translation>
    </message>
    <message>
        <source>Add a note</source>
        <translation>Notiz hinzufügen</translation>
    </message>
    <message>
        <source>Note for request {0} ({1}):</source>
        <translation>Notiz zur Anfrage {0} ({1}):</translation>
    </message>
    <message>
        <source>The note was not added: {0}</source>
        <translation>Die Notiz wurde nicht hinzugefügt: {0}</translation>
    </message>
    <message>
        <source>Note added to request {0}.</source>
        <translation>Notiz zur Anfrage {0} hinzugefügt.</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Thema</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Kontakt</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Last modified</source>
        <translation>Zuletzt geändert</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Geschlossen</translation>
    </message>
    <message>
        <source>No notes yet.</source>
        <translation>Noch keine Notizen.</translation>
    </message>
    <message>
        <source>Notes (newest first)</source>
        <translation>Notizen (neueste zuerst)</translation>
    </message>
    <message>
        <source>File a service request with Microsoft ({0})</source>
        <translation>Eine Serviceanfrage bei Microsoft stellen ({0})</translation>
    </message>
    <message>
        <source>The selected request&apos;s details and notes follow; {0} files a new one.</source>
        <translation>Danach folgen Details und Notizen der ausgewählten Anfrage; {0} stellt eine neue.</translation>
    </message>
</context>
<context>
    <name>ReviewDownload</name>
    <message>
        <source>Save the post-incident review</source>
        <translation>Bericht nach dem Vorfall speichern</translation>
    </message>
    <message>
        <source>Word documents (*.docx)</source>
        <translation>Word-Dokumente (*.docx)</translation>
    </message>
    <message>
        <source>Downloading the post-incident review of {0}…</source>
        <translation>Der Bericht nach dem Vorfall zu {0} wird heruntergeladen…</translation>
    </message>
    <message>
        <source>The review could not be saved to {0}: {1}</source>
        <translation>Der Bericht konnte nicht unter {0} gespeichert werden: {1}</translation>
    </message>
    <message>
        <source>%1 post-incident review.docx</source>
        <translation>%1 Bericht nach dem Vorfall.docx</translation>
    </message>
    <message>
        <source>Saved as {0}.</source>
        <translation>Gespeichert als {0}.</translation>
    </message>
    <message>
        <source>Saved as {0}; no app could open it.</source>
        <translation>Gespeichert als {0}; keine App konnte die Datei öffnen.</translation>
    </message>
    <message>
        <source>Download cancelled.</source>
        <translation>Download abgebrochen.</translation>
    </message>
    <message>
        <source>Microsoft has not published the review yet. Try again later, or see the issue in the Microsoft 365 admin center.</source>
        <translation>Microsoft hat den Bericht noch nicht veröffentlicht. Versuchen Sie es später erneut, oder sehen Sie sich das Problem im Microsoft 365 Admin Center an.</translation>
    </message>
    <message>
        <source>The review of {0} was not downloaded: {1}</source>
        <translation>Der Bericht zu {0} wurde nicht heruntergeladen: {1}</translation>
    </message>
    <message>
        <source>post-incident review</source>
        <translation>Bericht nach dem Vorfall</translation>
    </message>
    <message>
        <source>The review of {0} was not downloaded. {1}: {2}</source>
        <translation>Der Bericht zu {0} wurde nicht heruntergeladen. {1}: {2}</translation>
    </message>
</context>
<context>
    <name>SafeTextBrowser</name>
    <message>
        <source>Copy link</source>
        <translation>Link kopieren</translation>
    </message>
    <message>
        <source>Open in a private window</source>
        <translation>In einem privaten Fenster öffnen</translation>
    </message>
</context>
<context>
    <name>ScopeBox</name>
    <message>
        <source>Scope</source>
        <translation>Bereich</translation>
    </message>
    <message>
        <source>Show all customers, favourites or one tag</source>
        <translation>Alle Kunden, Favoriten oder ein Tag anzeigen</translation>
    </message>
    <message>
        <source>Which customers: all, favourites, or those with a tag</source>
        <translation>Welche Kunden: alle, Favoriten oder die mit einem Tag</translation>
    </message>
    <message>
        <source>All customers</source>
        <translation>Alle Kunden</translation>
    </message>
    <message numerus="yes">
        <source>%1 Favourites (%Ln)</source>
        <translation>
            <numerusform>%1 Favoriten (%Ln)</numerusform>
            <numerusform>%1 Favoriten (%Ln)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Tag: %1 (%Ln)</source>
        <translation>
            <numerusform>Tag: %1 (%Ln)</numerusform>
            <numerusform>Tag: %1 (%Ln)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ServiceRequestModel</name>
    <message>
        <source>Critical (A)</source>
        <translation>Kritisch (A)</translation>
    </message>
    <message>
        <source>Moderate (B)</source>
        <translation>Mittel (B)</translation>
    </message>
    <message>
        <source>Minimal (C)</source>
        <translation>Gering (C)</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Geschlossen</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>Aktion erforderlich</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keiner</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in to Partner Center</source>
        <translation>Beim Partner Center anmelden</translation>
    </message>
    <message>
        <source>your partner tenant (optional)</source>
        <translation>Ihr Partnermandant (optional)</translation>
    </message>
    <message>
        <source>&amp;Cloud:</source>
        <translation>&amp;Cloud:</translation>
    </message>
    <message>
        <source>Application (client) &amp;ID:</source>
        <translation>Anwendungs-(Client-)&amp;ID:</translation>
    </message>
    <message>
        <source>&amp;Tenant:</source>
        <translation>&amp;Mandant:</translation>
    </message>
    <message>
        <source>&lt;b&gt;First time?&lt;/b&gt; Partner Desk signs in with &lt;i&gt;your&lt;/i&gt; app registration:&lt;ol&gt;&lt;li&gt;In your partner tenant&apos;s Entra admin center, App registrations → New registration; account types: any organizational directory (multitenant), since it must also exist in each customer.&lt;/li&gt;&lt;li&gt;Authentication → Add a platform → Mobile and desktop applications, redirect URI &lt;code&gt;http://localhost&lt;/code&gt;; allow public client flows (for the device code). On Windows, the account broker also requires the redirect URI &lt;code&gt;ms-appx-web://Microsoft.AAD.BrokerPlugin/&amp;lt;client id&amp;gt;&lt;/code&gt;; without it Partner Desk signs in through the browser.&lt;/li&gt;&lt;li&gt;API permissions (delegated): Microsoft Partner Center &lt;code&gt;user_impersonation&lt;/code&gt;; Microsoft Graph &lt;code&gt;ServiceHealth.Read.All&lt;/code&gt;, &lt;code&gt;ServiceMessage.Read.All&lt;/code&gt;, &lt;code&gt;DelegatedAdminRelationship.Read.All&lt;/code&gt;, &lt;code&gt;User.Read&lt;/code&gt;. Grant admin consent.&lt;/li&gt;&lt;li&gt;Copy the Application (client) ID here.&lt;/li&gt;&lt;li&gt;Once signed in: Account → Allow Partner Desk in all customers.&lt;/li&gt;&lt;/ol&gt;US Government and China clouds need a registration in that cloud.</source>
        <translation>&lt;b&gt;Zum ersten Mal hier?&lt;/b&gt; Partner Desk meldet sich mit &lt;i&gt;Ihrer&lt;/i&gt; App-Registrierung an:&lt;ol&gt;&lt;li&gt;Im Microsoft Entra Admin Center Ihres Partnermandanten: App-Registrierungen → Neue Registrierung; Kontotypen: Konten in einem beliebigen Organisationsverzeichnis (mehrinstanzenfähig), da die App auch in jedem Kunden bestehen muss.&lt;/li&gt;&lt;li&gt;Authentifizierung → Plattform hinzufügen → Mobile Anwendungen und Desktopanwendungen, Umleitungs-URI &lt;code&gt;http://localhost&lt;/code&gt;; öffentliche Clientflows zulassen (für den Gerätecode). Unter Windows braucht der Kontobroker zusätzlich die Umleitungs-URI &lt;code&gt;ms-appx-web://Microsoft.AAD.BrokerPlugin/&amp;lt;Client-ID&amp;gt;&lt;/code&gt;; ohne sie meldet sich Partner Desk über den Browser an.&lt;/li&gt;&lt;li&gt;API-Berechtigungen (delegiert): Microsoft Partner Center &lt;code&gt;user_impersonation&lt;/code&gt;; Microsoft Graph &lt;code&gt;ServiceHealth.Read.All&lt;/code&gt;, &lt;code&gt;ServiceMessage.Read.All&lt;/code&gt;, &lt;code&gt;DelegatedAdminRelationship.Read.All&lt;/code&gt;, &lt;code&gt;User.Read&lt;/code&gt;. Administratorzustimmung erteilen.&lt;/li&gt;&lt;li&gt;Die Anwendungs-ID (Client-ID) hier einfügen.&lt;/li&gt;&lt;li&gt;Nach der Anmeldung: Konto → Partner Desk bei allen Kunden zulassen.&lt;/li&gt;&lt;/ol&gt;Die Clouds für US Government und China brauchen eine Registrierung in der jeweiligen Cloud.</translation>
    </message>
    <message>
        <source>Sign in with &amp;browser</source>
        <translation>Mit &amp;Browser anmelden</translation>
    </message>
    <message>
        <source>Use a &amp;device code</source>
        <translation>&amp;Gerätecode verwenden</translation>
    </message>
    <message>
        <source>Microsoft Cloud Deutschland closed on 29 October 2021; its customers moved to the global cloud.</source>
        <translation>Microsoft Cloud Deutschland wurde am 29. Oktober 2021 geschlossen; ihre Kunden sind in die globale Cloud gewechselt.</translation>
    </message>
    <message>
        <source>The client id is a GUID like 00000000-0000-0000-0000-000000000000.</source>
        <translation>Die Client-ID ist eine GUID wie 00000000-0000-0000-0000-000000000000.</translation>
    </message>
    <message>
        <source>Admin portal links in this cloud may need a direct sign-in to the customer.</source>
        <translation>Links zu Admin-Portalen in dieser Cloud erfordern eventuell eine direkte Anmeldung beim Kunden.</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <source>Data source</source>
        <translation>Datenquelle</translation>
    </message>
    <message>
        <source>Health check progress</source>
        <translation>Fortschritt der Zustandsprüfung</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Check the customers the stopped health check had not reached</source>
        <translation>Die Kunden prüfen, die die angehaltene Integritätsprüfung nicht erreicht hat</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Started with --offline: the data of the last live run, from the local cache ({0}). Nothing is sent to Microsoft.</source>
        <translation>Mit --offline gestartet: die Daten des letzten Onlinelaufs aus dem lokalen Cache ({0}). Es wird nichts an Microsoft gesendet.</translation>
    </message>
    <message>
        <source>Sandbox data</source>
        <translation>Sandbox-Daten</translation>
    </message>
    <message>
        <source>Sandbox data (external)</source>
        <translation>Sandbox-Daten (extern)</translation>
    </message>
    <message>
        <source>Sample data from the built-in sandbox at {0}. Sign in to work on your own customers.</source>
        <translation>Beispieldaten aus der integrierten Sandbox unter {0}. Melden Sie sich an, um mit Ihren eigenen Kunden zu arbeiten.</translation>
    </message>
    <message numerus="yes">
        <source>Health check started: %n customer(s)</source>
        <translation>
            <numerusform>Zustandsprüfung gestartet: %n Kunde</numerusform>
            <numerusform>Zustandsprüfung gestartet: %n Kunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Health: %1 / %2, %n failed</source>
        <translation>
            <numerusform>Integrität: %1 / %2, %n fehlgeschlagen</numerusform>
            <numerusform>Integrität: %1 / %2, %n fehlgeschlagen</numerusform>
        </translation>
    </message>
    <message>
        <source>Health check failed after %1 of %2 customers</source>
        <translation>Integritätsprüfung nach %1 von %2 Kunden fehlgeschlagen</translation>
    </message>
    <message>
        <source>Health check stopped after %1 of %2 customers</source>
        <translation>Integritätsprüfung nach %1 von %2 Kunden angehalten</translation>
    </message>
    <message>
        <source>Health check failed</source>
        <translation>Integritätsprüfung fehlgeschlagen</translation>
    </message>
    <message>
        <source>Health check stopped</source>
        <translation>Integritätsprüfung angehalten</translation>
    </message>
    <message numerus="yes">
        <source>Health checked at {0}; next in %n min</source>
        <translation>
            <numerusform>Integrität um {0} geprüft; nächste Prüfung in %n Min.</numerusform>
            <numerusform>Integrität um {0} geprüft; nächste Prüfung in %n Min.</numerusform>
        </translation>
    </message>
    <message>
        <source>Health checked at {0}</source>
        <translation>Integrität um {0} geprüft</translation>
    </message>
    <message>
        <source>Offline: health as of the last check</source>
        <translation>Offline: Integrität der letzten Prüfung</translation>
    </message>
</context>
<context>
    <name>TagsDialog</name>
    <message>
        <source>Tags of {0}</source>
        <translation>Tags von {0}</translation>
    </message>
    <message>
        <source>Tags, separated by commas (for example: VIP, Berlin office). Empty for none.</source>
        <translation>Tags, durch Kommas getrennt (zum Beispiel: VIP, Büro Berlin). Leer für keine.</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
</context>
<context>
    <name>UnsavedBanner</name>
    <message>
        <source>Drafts cannot be saved: {0} cannot be written ({1}). Drafts you write now are kept only until Partner Desk closes: file or copy them before.</source>
        <translation>Entwürfe können nicht gespeichert werden: {0} ist nicht beschreibbar ({1}). Entwürfe, die Sie jetzt schreiben, bleiben nur erhalten, bis Partner Desk geschlossen wird: Reichen Sie sie vorher ein oder kopieren Sie sie.</translation>
    </message>
    <message>
        <source>Tags are not kept: {0} cannot be written ({1}).</source>
        <translation>Tags werden nicht gespeichert: {0} ist nicht beschreibbar ({1}).</translation>
    </message>
    <message>
        <source>Nothing is cached for offline use: {0} cannot be written ({1}).</source>
        <translation>Für die Offline-Nutzung wird nichts zwischengespeichert: {0} ist nicht beschreibbar ({1}).</translation>
    </message>
    <message>
        <source>Free space on that disk, then restart Partner Desk.</source>
        <translation>Geben Sie auf diesem Datenträger Speicherplatz frei und starten Sie Partner Desk dann neu.</translation>
    </message>
    <message>
        <source>Make the folder writable (or set PARTNER_DESK_HOME to one that is), then restart Partner Desk.</source>
        <translation>Machen Sie den Ordner beschreibbar (oder setzen Sie PARTNER_DESK_HOME auf einen beschreibbaren Ordner) und starten Sie Partner Desk dann neu.</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Nicht gespeichert</translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation>Zugriff verweigert</translation>
    </message>
    <message>
        <source>read-only file system</source>
        <translation>schreibgeschütztes Dateisystem</translation>
    </message>
    <message>
        <source>no space left on the disk</source>
        <translation>kein Speicherplatz mehr auf dem Datenträger</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>der Datenträger ist voll</translation>
    </message>
    <message>
        <source>permission denied or read-only</source>
        <translation>Zugriff verweigert oder schreibgeschützt</translation>
    </message>
    <message>
        <source>a file is in the way</source>
        <translation>eine Datei steht im Weg</translation>
    </message>
</context>
<context>
    <name>Words</name>
    <message numerus="yes">
        <source>%n service(s) not operational</source>
        <extracomment>Nothing to say yet (not loaded) or at all.</extracomment>
        <translation>
            <numerusform>%n Dienst nicht fehlerfrei</numerusform>
            <numerusform>%n Dienste nicht fehlerfrei</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n active issue(s)</source>
        <translation>
            <numerusform>%n aktives Problem</numerusform>
            <numerusform>%n aktive Probleme</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Expires in %n day(s)</source>
        <translation>
            <numerusform>Läuft in %n Tag ab</numerusform>
            <numerusform>Läuft in %n Tagen ab</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Extends automatically by %n day(s)</source>
        <translation>
            <numerusform>Verlängert sich automatisch um %n Tag</numerusform>
            <numerusform>Verlängert sich automatisch um %n Tage</numerusform>
        </translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Advisory</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>Degraded</source>
        <translation>Beeinträchtigt</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Ausgefallen</translation>
    </message>
    <message>
        <source>No access</source>
        <translation>Kein Zugriff</translation>
    </message>
    <message>
        <source>Not allowed</source>
        <translation>Nicht zugelassen</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Operational</source>
        <translation>Fehlerfrei</translation>
    </message>
    <message>
        <source>Interrupted</source>
        <translation>Unterbrochen</translation>
    </message>
    <message>
        <source>Restoring service</source>
        <translation>Dienst wird wiederhergestellt</translation>
    </message>
    <message>
        <source>Extended recovery</source>
        <translation>Erweiterte Wiederherstellung</translation>
    </message>
    <message>
        <source>Investigating</source>
        <translation>Wird untersucht</translation>
    </message>
    <message>
        <source>Verifying fix</source>
        <translation>Korrektur wird überprüft</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>Wiederhergestellt</translation>
    </message>
    <message>
        <source>Post-incident report published</source>
        <translation>Bericht nach dem Vorfall veröffentlicht</translation>
    </message>
    <message>
        <source>False positive</source>
        <translation>Falsch positiv</translation>
    </message>
    <message>
        <source>Investigation suspended</source>
        <translation>Untersuchung ausgesetzt</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Behoben</translation>
    </message>
    <message>
        <source>Mitigated</source>
        <translation>Entschärft</translation>
    </message>
    <message>
        <source>Mitigated (external)</source>
        <translation>Entschärft (extern)</translation>
    </message>
    <message>
        <source>Resolved (external)</source>
        <translation>Behoben (extern)</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Bestätigt</translation>
    </message>
    <message>
        <source>Reported</source>
        <translation>Gemeldet</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Expiring</source>
        <translation>Läuft ab</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Abgelaufen</translation>
    </message>
    <message>
        <source>Terminated</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <source>Terminating</source>
        <translation>Wird beendet</translation>
    </message>
    <message>
        <source>Termination requested</source>
        <translation>Beendigung angefordert</translation>
    </message>
    <message>
        <source>Awaiting approval</source>
        <translation>Wartet auf Genehmigung</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Genehmigt</translation>
    </message>
    <message>
        <source>Activating</source>
        <translation>Wird aktiviert</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Other status</source>
        <translation>Anderer Status</translation>
    </message>
    <message>
        <source>No GDAP</source>
        <translation>Kein GDAP</translation>
    </message>
    <message>
        <source>No active GDAP relationship: health, incidents and delegated admin portals of this customer are not available to you.</source>
        <translation>Keine aktive GDAP-Beziehung: Dienstintegrität, Vorfälle und delegierte Admin-Portale dieses Kunden stehen Ihnen nicht zur Verfügung.</translation>
    </message>
    <message>
        <source>Expires today</source>
        <translation>Läuft heute ab</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>Partner Desk is not yet allowed in this customer</source>
        <translation>Partner Desk ist bei diesem Kunden noch nicht zugelassen</translation>
    </message>
    <message>
        <source>Partner Desk needs to be allowed again in this customer</source>
        <translation>Partner Desk muss bei diesem Kunden erneut zugelassen werden</translation>
    </message>
    <message>
        <source>Partner Desk was allowed in this customer before it read the message center, so its consent there lacks that permission (ServiceMessage.Read.All). Service health still works. Allowing it again replaces the old consent; it takes a GDAP role in this customer that can consent to apps: Global Administrator, Privileged Role Administrator or Cloud Application Administrator.</source>
        <translation>Partner Desk wurde bei diesem Kunden zugelassen, bevor es das Nachrichtencenter las; daher fehlt der Zustimmung dort diese Berechtigung (ServiceMessage.Read.All). Die Dienstintegrität funktioniert weiterhin. Erneutes Zulassen ersetzt die alte Zustimmung; dafür brauchen Sie bei diesem Kunden eine GDAP-Rolle, die Zustimmungen für Apps erteilen darf: Global Administrator, Privileged Role Administrator oder Cloud Application Administrator.</translation>
    </message>
    <message>
        <source>Your account has no access to this customer&apos;s tenant: no GDAP relationship covers you.</source>
        <translation>Ihr Konto hat keinen Zugriff auf den Mandanten dieses Kunden: Keine GDAP-Beziehung umfasst Sie.</translation>
    </message>
    <message>
        <source>No GDAP access to this customer&apos;s {0}</source>
        <translation>Kein GDAP-Zugriff für diesen Kunden ({0})</translation>
    </message>
    <message>
        <source>data</source>
        <translation>Daten</translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation>Etwas ist schiefgegangen</translation>
    </message>
    <message>
        <source>An unexpected error occurred: {0}. The details are in the log.</source>
        <translation>Ein unerwarteter Fehler ist aufgetreten: {0}. Die Details stehen im Protokoll.</translation>
    </message>
    <message>
        <source>Too many requests for this tenant. Try again later.</source>
        <translation>Zu viele Anfragen für diesen Mandanten. Versuchen Sie es später erneut.</translation>
    </message>
    <message>
        <source>Too many requests for this tenant, and the service asked to wait a day or more. Try again later.</source>
        <translation>Zu viele Anfragen für diesen Mandanten, und der Dienst verlangt eine Wartezeit von einem Tag oder mehr. Versuchen Sie es später erneut.</translation>
    </message>
    <message>
        <source>Too many requests for this tenant. Try again at {0}.</source>
        <translation>Zu viele Anfragen für diesen Mandanten. Versuchen Sie es um {0} erneut.</translation>
    </message>
    <message>
        <source>The cached copy could not be read</source>
        <translation>Die zwischengespeicherte Kopie ist nicht lesbar</translation>
    </message>
    <message>
        <source>The {0} kept in the local cache could not be read: the cache file was damaged or changed outside Partner Desk. Start Partner Desk without --offline to load it again.</source>
        <translation>Die im lokalen Cache gespeicherten Daten ({0}) konnten nicht gelesen werden: Die Cache-Datei wurde beschädigt oder außerhalb von Partner Desk verändert. Starten Sie Partner Desk ohne --offline, um sie neu zu laden.</translation>
    </message>
    <message>
        <source>Not available offline</source>
        <translation>Offline nicht verfügbar</translation>
    </message>
    <message>
        <source>Request id: {0}</source>
        <translation>Anforderungs-ID: {0}</translation>
    </message>
    <message>
        <source>Partner Desk was started with --offline, and the local cache has no saved copy of the {0}. Start it without --offline to load it.</source>
        <translation>Partner Desk wurde mit --offline gestartet, und der lokale Cache enthält keine gespeicherte Kopie davon ({0}). Starten Sie ohne --offline, um sie zu laden.</translation>
    </message>
    <message>
        <source>Ask the customer to approve a GDAP relationship with a role that can read this, and make sure your account is in the security group assigned to it in Partner Center.</source>
        <translation>Bitten Sie den Kunden, eine GDAP-Beziehung mit einer Rolle zu genehmigen, die dies lesen darf, und stellen Sie sicher, dass Ihr Konto der Sicherheitsgruppe angehört, der diese Rolle im Partner Center zugewiesen ist.</translation>
    </message>
    <message>
        <source>Ask the customer to approve a GDAP relationship that includes one of these roles: {0}. Make sure your account is in the security group assigned to it in Partner Center.</source>
        <translation>Bitten Sie den Kunden, eine GDAP-Beziehung zu genehmigen, die eine dieser Rollen enthält: {0}. Stellen Sie sicher, dass Ihr Konto der Sicherheitsgruppe angehört, der die Rolle im Partner Center zugewiesen ist.</translation>
    </message>
    <message>
        <source>Sign-in needed</source>
        <translation>Anmeldung erforderlich</translation>
    </message>
    <message>
        <source>The service did not accept your sign-in. Sign in again and retry.</source>
        <translation>Der Dienst hat Ihre Anmeldung nicht akzeptiert. Melden Sie sich erneut an, und versuchen Sie es noch einmal.</translation>
    </message>
    <message>
        <source>Access denied</source>
        <translation>Zugriff verweigert</translation>
    </message>
    <message>
        <source>Partner Center refused this for your account: {0}</source>
        <translation>Partner Center hat dies für Ihr Konto abgelehnt: {0}</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>Nicht gefunden</translation>
    </message>
    <message>
        <source>Microsoft is throttling requests</source>
        <translation>Microsoft drosselt die Anfragen</translation>
    </message>
    <message>
        <source>Too many requests for this tenant. Try again in {0} seconds.</source>
        <translation>Zu viele Anfragen für diesen Mandanten. Versuchen Sie es in {0} Sekunden erneut.</translation>
    </message>
    <message>
        <source>Could not reach the service</source>
        <translation>Der Dienst ist nicht erreichbar</translation>
    </message>
    <message>
        <source>Microsoft gives Partner Desk no access to this customer&apos;s tenant until consent is granted for the app there (GDAP). Granting it takes a GDAP role in this customer that can consent to apps: Global Administrator, Privileged Role Administrator or Cloud Application Administrator.</source>
        <translation>Microsoft gewährt Partner Desk erst Zugriff auf den Mandanten dieses Kunden, wenn dort die Zustimmung für die App erteilt wurde (GDAP). Zum Erteilen der Zustimmung brauchen Sie bei diesem Kunden eine GDAP-Rolle, die Zustimmungen für Apps erteilen darf: Global Administrator, Privileged Role Administrator oder Cloud Application Administrator.</translation>
    </message>
    <message>
        <source>Check the network connection, then retry. ({0})</source>
        <translation>Prüfen Sie die Netzwerkverbindung, und versuchen Sie es dann erneut. ({0})</translation>
    </message>
    <message>
        <source>Your partner account has no delegated admin role in this customer&apos;s tenant for this.</source>
        <translation>Ihr Partnerkonto hat dafür keine delegierte Administratorrolle im Mandanten dieses Kunden.</translation>
    </message>
    <message>
        <source>The service sent an answer that could not be read</source>
        <translation>Die Antwort des Dienstes war nicht lesbar</translation>
    </message>
    <message>
        <source>The service reported an error</source>
        <translation>Der Dienst hat einen Fehler gemeldet</translation>
    </message>
</context>
<context>
    <name>filing</name>
    <message>
        <source>Critical business impact: a service is down or unusable for many users, with no workaround.</source>
        <extracomment>The translation context of this module&apos;s texts: the dialog shows them translated (`QCoreApplication.translate(TR_CONTEXT, text)`), the command line as they are.</extracomment>
        <translation>Kritische geschäftliche Auswirkung: Ein Dienst ist für viele Benutzer ausgefallen oder unbrauchbar, ohne Umgehungslösung.</translation>
    </message>
    <message>
        <source>Significant impact: a feature is impaired or degraded, a workaround may exist.</source>
        <translation>Erhebliche Auswirkung: Eine Funktion ist eingeschränkt oder beeinträchtigt; eventuell gibt es eine Umgehungslösung.</translation>
    </message>
    <message>
        <source>Minimal impact: a question, a minor problem or an inconvenience.</source>
        <translation>Geringe Auswirkung: eine Frage, ein kleineres Problem oder eine Unannehmlichkeit.</translation>
    </message>
    <message>
        <source>What we see at the customer:</source>
        <translation>Was wir beim Kunden sehen:</translation>
    </message>
    <message>
        <source>[what users see, error messages, since when]</source>
        <translation>[was die Benutzer sehen, Fehlermeldungen, seit wann]</translation>
    </message>
    <message>
        <source>Who is affected:</source>
        <translation>Wer betroffen ist:</translation>
    </message>
    <message>
        <source>[how many users, which sites or services]</source>
        <translation>[wie viele Benutzer, welche Standorte oder Dienste]</translation>
    </message>
    <message>
        <source>What was tried:</source>
        <translation>Was versucht wurde:</translation>
    </message>
    <message>
        <source>[steps taken so far, and what they changed]</source>
        <translation>[bisherige Schritte und was sie bewirkt haben]</translation>
    </message>
    <message>
        <source>Microsoft offers no such support form in this cloud.</source>
        <translation>Microsoft bietet in dieser Cloud kein solches Supportformular an.</translation>
    </message>
    <message>
        <source>Microsoft&apos;s request numbers are {0} to {1} digits, as the confirmation shows them.</source>
        <translation>Anfragenummern von Microsoft haben {0} bis {1} Ziffern, wie in der Bestätigung angezeigt.</translation>
    </message>
    <message>
        <source>Enter a title that says what is wrong.</source>
        <translation>Geben Sie einen Titel ein, der das Problem benennt.</translation>
    </message>
    <message>
        <source>The title has {0} characters; {1} at most.</source>
        <translation>Der Titel hat {0} Zeichen; höchstens {1} sind erlaubt.</translation>
    </message>
    <message>
        <source>The title contains control characters.</source>
        <translation>Der Titel enthält Steuerzeichen.</translation>
    </message>
    <message>
        <source>Choose critical, moderate or minimal.</source>
        <translation>Wählen Sie „Kritisch“, „Mittel“ oder „Gering“.</translation>
    </message>
    <message>
        <source>Choose the support topic closest to the problem.</source>
        <translation>Wählen Sie das Supportthema, das am besten zum Problem passt.</translation>
    </message>
    <message>
        <source>Describe the problem in at least {0} characters: what happens, since when, who is affected.</source>
        <translation>Beschreiben Sie das Problem in mindestens {0} Zeichen: was passiert, seit wann, wer betroffen ist.</translation>
    </message>
    <message>
        <source>The description is longer than {0} characters.</source>
        <translation>Die Beschreibung ist länger als {0} Zeichen.</translation>
    </message>
    <message>
        <source>Fill in these sections of the description: {0}.</source>
        <translation>Füllen Sie diese Abschnitte der Beschreibung aus: {0}.</translation>
    </message>
    <message>
        <source>“{0}” is not an e-mail address.</source>
        <translation>„{0}“ ist keine E-Mail-Adresse.</translation>
    </message>
    <message>
        <source>Not an e-mail address: {0}.</source>
        <translation>Keine E-Mail-Adresse: {0}.</translation>
    </message>
    <message>
        <source>{0} addresses; {1} at most.</source>
        <translation>{0} Adressen; höchstens {1}.</translation>
    </message>
</context>
<context>
    <name>links</name>
    <message>
        <source>The browser did not open</source>
        <translation>Der Browser wurde nicht geöffnet</translation>
    </message>
    <message>
        <source>Partner Desk could not open {0} in your browser: no browser started. Copy the link and open it in a browser yourself.</source>
        <translation>Partner Desk konnte {0} nicht in Ihrem Browser öffnen: Es wurde kein Browser gestartet. Kopieren Sie den Link und öffnen Sie ihn selbst in einem Browser.</translation>
    </message>
    <message>
        <source>Partner Desk could not open the link in your browser: no browser started. Copy the link and open it in a browser yourself.</source>
        <translation>Partner Desk konnte den Link nicht in Ihrem Browser öffnen: Es wurde kein Browser gestartet. Kopieren Sie den Link und öffnen Sie ihn selbst in einem Browser.</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Link</translation>
    </message>
    <message>
        <source>&amp;Copy link</source>
        <translation>Link &amp;kopieren</translation>
    </message>
    <message>
        <source>Link copied.</source>
        <translation>Link kopiert.</translation>
    </message>
    <message>
        <source>{0} was not opened: {1}</source>
        <translation>{0} wurde nicht geöffnet: {1}</translation>
    </message>
    <message>
        <source>The link was not opened: {0}</source>
        <translation>Der Link wurde nicht geöffnet: {0}</translation>
    </message>
    <message>
        <source>{0} was not opened: the browser did not start.</source>
        <translation>{0} wurde nicht geöffnet: Der Browser ist nicht gestartet.</translation>
    </message>
    <message>
        <source>The link was not opened: the browser did not start.</source>
        <translation>Der Link wurde nicht geöffnet: Der Browser ist nicht gestartet.</translation>
    </message>
    <message>
        <source>Opened {0} in a private window.</source>
        <translation>{0} in einem privaten Fenster geöffnet.</translation>
    </message>
    <message>
        <source>Opened in a private window.</source>
        <translation>In einem privaten Fenster geöffnet.</translation>
    </message>
    <message>
        <source>Opened {0} in your browser.</source>
        <translation>{0} wurde in Ihrem Browser geöffnet.</translation>
    </message>
    <message>
        <source>Opened in your browser.</source>
        <translation>In Ihrem Browser geöffnet.</translation>
    </message>
    <message>
        <source>Open in a &amp;private window</source>
        <translation>In einem &amp;privaten Fenster öffnen</translation>
    </message>
    <message>
        <source>Open in a private window (your default browser is not one we know)</source>
        <translation>In einem privaten Fenster öffnen (Ihr Standardbrowser wird nicht unterstützt)</translation>
    </message>
</context>
<context>
    <name>portals</name>
    <message>
        <source>May need a direct sign-in in this cloud.</source>
        <extracomment>The translation context of the texts below. A link&apos;s notes (`PortalLink.note` joins those that apply with a space).</extracomment>
        <translation>Erfordert in dieser Cloud eventuell eine direkte Anmeldung.</translation>
    </message>
    <message>
        <source>Microsoft&apos;s own link for this customer.</source>
        <translation>Der eigene Link von Microsoft für diesen Kunden.</translation>
    </message>
    <message>
        <source>Address derived from the tenant name.</source>
        <translation>Adresse aus dem Mandantennamen abgeleitet.</translation>
    </message>
    <message>
        <source>SharePoint address unknown: no initial domain</source>
        <extracomment>Why the SharePoint link is missing (a link&apos;s `error`; other errors stay English).</extracomment>
        <translation>SharePoint-Adresse unbekannt: keine anfängliche Domäne</translation>
    </message>
    <message>
        <source>{0}, as linked by {1}.</source>
        <extracomment>The purpose of a link from Microsoft&apos;s own answer: its name, and who gave it (a *_SOURCE).</extracomment>
        <translation>{0}, verlinkt von {1}.</translation>
    </message>
    <message>
        <source>Microsoft (GDAP)</source>
        <translation>Microsoft (GDAP)</translation>
    </message>
    <message>
        <source>Partner Center</source>
        <translation>Partner Center</translation>
    </message>
    <message>
        <source>Microsoft 365 admin center</source>
        <translation>Microsoft 365 Admin Center</translation>
    </message>
    <message>
        <source>Users, licences, billing, domains and the tenant&apos;s settings.</source>
        <translation>Benutzer, Lizenzen, Abrechnung, Domänen und die Einstellungen des Mandanten.</translation>
    </message>
    <message>
        <source>Exchange admin center</source>
        <translation>Exchange Admin Center</translation>
    </message>
    <message>
        <source>Mailboxes, mail flow rules, connectors and message trace.</source>
        <translation>Postfächer, Nachrichtenflussregeln, Connectors und Nachrichtenablaufverfolgung.</translation>
    </message>
    <message>
        <source>Microsoft Entra admin center</source>
        <translation>Microsoft Entra Admin Center</translation>
    </message>
    <message>
        <source>Sign-in, conditional access, users, groups and app registrations.</source>
        <translation>Anmeldung, bedingter Zugriff, Benutzer, Gruppen und App-Registrierungen.</translation>
    </message>
    <message>
        <source>Microsoft Teams admin center</source>
        <translation>Microsoft Teams Admin Center</translation>
    </message>
    <message>
        <source>Teams policies, meetings, calling and devices.</source>
        <translation>Teams-Richtlinien, Besprechungen, Anrufe und Geräte.</translation>
    </message>
    <message>
        <source>Azure portal</source>
        <translation>Azure-Portal</translation>
    </message>
    <message>
        <source>Azure subscriptions, resources and their health.</source>
        <translation>Azure-Abonnements, Ressourcen und ihre Integrität.</translation>
    </message>
    <message>
        <source>Microsoft Intune admin center</source>
        <translation>Microsoft Intune Admin Center</translation>
    </message>
    <message>
        <source>Device enrolment, compliance and app deployment.</source>
        <translation>Geräteregistrierung, Konformität und App-Bereitstellung.</translation>
    </message>
    <message>
        <source>Microsoft Defender portal</source>
        <translation>Microsoft Defender-Portal</translation>
    </message>
    <message>
        <source>Security incidents, alerts, email and endpoint protection.</source>
        <translation>Sicherheitsvorfälle, Warnungen, E-Mail- und Endpunktschutz.</translation>
    </message>
    <message>
        <source>Microsoft Purview portal</source>
        <translation>Microsoft Purview-Portal</translation>
    </message>
    <message>
        <source>Compliance, retention, data loss prevention and audit.</source>
        <translation>Compliance, Aufbewahrung, Verhinderung von Datenverlust und Überwachung.</translation>
    </message>
    <message>
        <source>Power Platform admin center</source>
        <translation>Power Platform Admin Center</translation>
    </message>
    <message>
        <source>Environments, Dataverse and Power Apps / Power Automate policies.</source>
        <translation>Umgebungen, Dataverse und Richtlinien für Power Apps / Power Automate.</translation>
    </message>
    <message>
        <source>Power BI admin portal</source>
        <translation>Power BI-Verwaltungsportal</translation>
    </message>
    <message>
        <source>Power BI tenant settings, capacities and usage.</source>
        <translation>Power BI-Mandanteneinstellungen, Kapazitäten und Nutzung.</translation>
    </message>
    <message>
        <source>SharePoint admin center</source>
        <translation>SharePoint Admin Center</translation>
    </message>
    <message>
        <source>Sites, sharing settings and storage for SharePoint and OneDrive.</source>
        <translation>Websites, Freigabeeinstellungen und Speicher für SharePoint und OneDrive.</translation>
    </message>
    <message>
        <source>Service health (admin center)</source>
        <translation>Dienstintegrität (Admin Center)</translation>
    </message>
    <message>
        <source>Microsoft&apos;s own service health page for this customer.</source>
        <translation>Die Seite „Dienstintegrität“ von Microsoft für diesen Kunden.</translation>
    </message>
    <message>
        <source>Microsoft 365 admin center: new service request</source>
        <translation>Microsoft 365 Admin Center: Neue Serviceanfrage</translation>
    </message>
    <message>
        <source>Azure portal: new support request</source>
        <translation>Azure-Portal: Neue Supportanfrage</translation>
    </message>
</context>
</TS>
