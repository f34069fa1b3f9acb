<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en_US">
<context>
    <name>Age</name>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>%n min ago</numerusform>
            <numerusform>%n min ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation>
            <numerusform>%n h ago</numerusform>
            <numerusform>%n h ago</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConsentDialog</name>
    <message numerus="yes">
        <source>Microsoft gives Partner Desk no access to a customer&apos;s tenant until consent is granted for the app there (GDAP). This asks Partner Center to grant it for each of your %n customer(s), to read service health; where it is already granted nothing changes.

Granting consent takes a GDAP role in the customer that can consent to apps: Global Administrator, Privileged Role Administrator or Cloud Application Administrator.</source>
        <translation>
            <numerusform>Microsoft gives Partner Desk no access to a customer&apos;s tenant until consent is granted for the app there (GDAP). This asks Partner Center to grant it for your %n customer, to read service health; where it is already granted nothing changes.

Granting consent takes a GDAP role in the customer that can consent to apps: Global Administrator, Privileged Role Administrator or Cloud Application Administrator.</numerusform>
            <numerusform>Microsoft gives Partner Desk no access to a customer&apos;s tenant until consent is granted for the app there (GDAP). This asks Partner Center to grant it for each of your %n customers, to read service health; where it is already granted nothing changes.

Granting consent takes a GDAP role in the customer that can consent to apps: Global Administrator, Privileged Role Administrator or Cloud Application Administrator.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Failed after {0} of %n customer(s):</source>
        <translation>
            <numerusform>Failed after {0} of %n customer:</numerusform>
            <numerusform>Failed after {0} of %n customers:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Stopped after {0} of %n customer(s):</source>
        <translation>
            <numerusform>Stopped after {0} of %n customer:</numerusform>
            <numerusform>Stopped after {0} of %n customers:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Done, %n customer(s):</source>
        <translation>
            <numerusform>Done, %n customer:</numerusform>
            <numerusform>Done, %n customers:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{0} of %n customer(s):</source>
        <translation>
            <numerusform>{0} of %n customer:</numerusform>
            <numerusform>{0} of %n customers:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CustomerList</name>
    <message numerus="yes">
        <source>%Ln customer(s)</source>
        <translation>
            <numerusform>%Ln customer</numerusform>
            <numerusform>%Ln customers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %Ln customer(s)</source>
        <translation>
            <numerusform>%1 of %Ln customer</numerusform>
            <numerusform>%1 of %Ln customers</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DashboardWindow</name>
    <message numerus="yes">
        <source>%n without GDAP access or consent</source>
        <translation>
            <numerusform>%n without GDAP access or consent</numerusform>
            <numerusform>%n without GDAP access or consent</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>about %n s left</source>
        <translation>
            <numerusform>about %n s left</numerusform>
            <numerusform>about %n s left</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>done in %n s</source>
        <translation>
            <numerusform>done in %n s</numerusform>
            <numerusform>done in %n s</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DraftChooser</name>
    <message numerus="yes">
        <source>%n draft(s) for this customer kept. Continue one, or start a new request:</source>
        <translation>
            <numerusform>%n draft for this customer kept. Continue it, or start a new request:</numerusform>
            <numerusform>%n drafts for this customer kept. Continue one, or start a new request:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GdapWindow</name>
    <message numerus="yes">
        <source>%n could not be read (see the log)</source>
        <translation>
            <numerusform>%n could not be read (see the log)</numerusform>
            <numerusform>%n could not be read (see the log)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HealthGridModel</name>
    <message numerus="yes">
        <source>%n service(s)</source>
        <translation>
            <numerusform>%n service</numerusform>
            <numerusform>%n services</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HealthPane</name>
    <message numerus="yes">
        <source>%n service(s) degraded or down</source>
        <translation>
            <numerusform>%n service degraded or down</numerusform>
            <numerusform>%n services degraded or down</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n under investigation</source>
        <translation>
            <numerusform>%n under investigation</numerusform>
            <numerusform>%n under investigation</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n operational</source>
        <translation>
            <numerusform>%n operational</numerusform>
            <numerusform>%n operational</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) could not be read</source>
        <translation>
            <numerusform>%n item could not be read</numerusform>
            <numerusform>%n items could not be read</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>IncidentsPane</name>
    <message numerus="yes">
        <source>%n issue(s)</source>
        <translation>
            <numerusform>%n issue</numerusform>
            <numerusform>%n issues</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ListStatus</name>
    <message numerus="yes">
        <source>%n customer(s) loaded</source>
        <translation>
            <numerusform>%n customer loaded</numerusform>
            <numerusform>%n customers loaded</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MessagesPane</name>
    <message numerus="yes">
        <source>%n post(s)</source>
        <translation>
            <numerusform>%n post</numerusform>
            <numerusform>%n posts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n with an action date</source>
        <translation>
            <numerusform>%n with an action date</numerusform>
            <numerusform>%n with an action date</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n post(s) could not be read</source>
        <translation>
            <numerusform>%n post could not be read</numerusform>
            <numerusform>%n posts could not be read</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NoticeCentre</name>
    <message numerus="yes">
        <source>%n new notice(s)</source>
        <translation>
            <numerusform>%n new notice</numerusform>
            <numerusform>%n new notices</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new service health notice(s)</source>
        <translation>
            <numerusform>%n new service health notice</numerusform>
            <numerusform>%n new service health notices</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Notices</name>
    <message numerus="yes">
        <source>Touches %Ln customer(s): </source>
        <translation>
            <numerusform>Touches %Ln customer: </numerusform>
            <numerusform>Touches %Ln customers: </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n service health change(s)</source>
        <translation>
            <numerusform>%n service health change</numerusform>
            <numerusform>%n service health changes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{0}: {1} (%Ln customer(s))</source>
        <translation>
            <numerusform>{0}: {1} (%Ln customer)</numerusform>
            <numerusform>{0}: {1} (%Ln customers)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln customer(s)</source>
        <translation>
            <numerusform>%Ln customer</numerusform>
            <numerusform>%Ln customers</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OpenRequestsWindow</name>
    <message numerus="yes">
        <source>Could &amp;not be read (%n)</source>
        <translation>
            <numerusform>Could &amp;not be read (%n)</numerusform>
            <numerusform>Could &amp;not be read (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%n could not be read)</source>
        <translation>
            <numerusform>(%n could not be read)</numerusform>
            <numerusform>(%n could not be read)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OverviewPane</name>
    <message numerus="yes">
        <source>%n more: Customers → GDAP relationships</source>
        <translation>
            <numerusform>%n more: Customers → GDAP relationships</numerusform>
            <numerusform>%n more: Customers → GDAP relationships</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of {0}</source>
        <translation>
            <numerusform>%n of {0}</numerusform>
            <numerusform>%n of {0}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PartnerContextPanel</name>
    <message numerus="yes">
        <source>%n item(s) could not be read.</source>
        <translation>
            <numerusform>%n item could not be read.</numerusform>
            <numerusform>%n items could not be read.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PlannedChangesView</name>
    <message numerus="yes">
        <source>%n post(s)</source>
        <translation>
            <numerusform>%n post</numerusform>
            <numerusform>%n posts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n with an action date</source>
        <translation>
            <numerusform>%n with an action date</numerusform>
            <numerusform>%n with an action date</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s) read</source>
        <translation>
            <numerusform>%n customer read</numerusform>
            <numerusform>%n customers read</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n could not be read</source>
        <translation>
            <numerusform>%n could not be read</numerusform>
            <numerusform>%n could not be read</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RelationshipDetail</name>
    <message numerus="yes">
        <source>%n assignment(s) could not be read (see the log).</source>
        <translation>
            <numerusform>%n assignment could not be read (see the log).</numerusform>
            <numerusform>%n assignments could not be read (see the log).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RequestDesk</name>
    <message numerus="yes">
        <source>%n draft(s) kept while offline sent to Microsoft.</source>
        <translation>
            <numerusform>%n draft kept while offline sent to Microsoft.</numerusform>
            <numerusform>%n drafts kept while offline sent to Microsoft.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n draft(s) kept while offline still to file: Requests → Drafts…</source>
        <translation>
            <numerusform>%n draft kept while offline still to file: Requests → Drafts…</numerusform>
            <numerusform>%n drafts kept while offline still to file: Requests → Drafts…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RequestsPane</name>
    <message numerus="yes">
        <source>Dra&amp;fts (%n)</source>
        <translation>
            <numerusform>Dra&amp;fts (%n)</numerusform>
            <numerusform>Dra&amp;fts (%n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ScopeBox</name>
    <message numerus="yes">
        <source>%1 Favourites (%Ln)</source>
        <translation>
            <numerusform>%1 Favourites (%Ln)</numerusform>
            <numerusform>%1 Favourites (%Ln)</numerusform>
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
    <name>StatusBar</name>
    <message numerus="yes">
        <source>Health check started: %n customer(s)</source>
        <translation>
            <numerusform>Health check started: %n customer</numerusform>
            <numerusform>Health check started: %n customers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Health: %1 / %2, %n failed</source>
        <translation>
            <numerusform>Health: %1 / %2, %n failed</numerusform>
            <numerusform>Health: %1 / %2, %n failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Health checked at {0}; next in %n min</source>
        <translation>
            <numerusform>Health checked at {0}; next in %n min</numerusform>
            <numerusform>Health checked at {0}; next in %n min</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Words</name>
    <message numerus="yes">
        <source>%n service(s) not operational</source>
        <extracomment>Nothing to say yet (not loaded) or at all.</extracomment>
        <translation>
            <numerusform>%n service not operational</numerusform>
            <numerusform>%n services not operational</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n active issue(s)</source>
        <translation>
            <numerusform>%n active issue</numerusform>
            <numerusform>%n active issues</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Expires in %n day(s)</source>
        <translation>
            <numerusform>Expires in %n day</numerusform>
            <numerusform>Expires in %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Extends automatically by %n day(s)</source>
        <translation>
            <numerusform>Extends automatically by %n day</numerusform>
            <numerusform>Extends automatically by %n days</numerusform>
        </translation>
    </message>
</context>
</TS>
