<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW" sourcelanguage="en_US">
<context>
    <name>AccountController</name>
    <message>
        <source>&amp;Account</source>
        <translation>帳戶(&amp;A)</translation>
    </message>
    <message>
        <source>Sandbox data, signed in as {0}</source>
        <translation>沙箱資料，已登入為 {0}</translation>
    </message>
    <message>
        <source>Sandbox data</source>
        <translation>沙箱資料</translation>
    </message>
    <message>
        <source>Signed in as {0}</source>
        <translation>已登入為 {0}</translation>
    </message>
    <message>
        <source>Cloud: {0}</source>
        <translation>雲端：{0}</translation>
    </message>
    <message>
        <source>Sign in…</source>
        <translation>登入…</translation>
    </message>
    <message>
        <source>Switch cloud</source>
        <translation>切換雲端</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>登出</translation>
    </message>
    <message>
        <source>Use sandbox</source>
        <translation>使用沙箱</translation>
    </message>
    <message>
        <source>Allow Partner Desk in all customers…</source>
        <translation>在所有客戶中允許 Partner Desk…</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>語言(&amp;L)</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>系統預設</translation>
    </message>
    <message>
        <source>The language changes when Partner Desk starts again.</source>
        <translation>語言將在 Partner Desk 下次啟動時變更。</translation>
    </message>
    <message>
        <source>Signing in as {0}…</source>
        <translation>正在以 {0} 登入…</translation>
    </message>
    <message>
        <source>Sign-in needed: {0} {1}</source>
        <translation>需要登入：{0} {1}</translation>
    </message>
    <message>
        <source>Your saved sign-in has expired: sign in again.</source>
        <translation>您儲存的登入已過期，請重新登入。</translation>
    </message>
    <message>
        <source>Continue signing in in your browser…</source>
        <translation>請在瀏覽器中繼續登入…</translation>
    </message>
    <message>
        <source>Sign-in cancelled.</source>
        <translation>已取消登入。</translation>
    </message>
    <message>
        <source>No secure credential store</source>
        <translation>沒有安全的認證存放區</translation>
    </message>
    <message>
        <source>This computer has no encrypted credential store (keyring) that Partner Desk can use.

Keep your sign-in in a file readable only by your user account, so you stay signed in next time? Choose No to keep it in memory and sign in each time.</source>
        <translation>這部電腦沒有 Partner Desk 可使用的加密認證存放區 (金鑰環)。

要將您的登入資訊保存在只有您的使用者帳戶能讀取的檔案中，讓您下次仍保持登入嗎？選擇 [否] 則只保留在記憶體中，每次都需要登入。</translation>
    </message>
    <message>
        <source>Signed out.</source>
        <translation>已登出。</translation>
    </message>
    <message>
        <source>Settings could not be saved: {0}</source>
        <translation>無法儲存設定：{0}</translation>
    </message>
</context>
<context>
    <name>Age</name>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>%n 分鐘前</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation>
            <numerusform>%n 小時前</numerusform>
        </translation>
    </message>
    <message>
        <source>just now</source>
        <translation>剛剛</translation>
    </message>
</context>
<context>
    <name>AuthError</name>
    <message>
        <source>Your sign-in is no longer valid: the session was revoked or has expired.</source>
        <translation>您的登入已失效：工作階段已被撤銷或已過期。</translation>
    </message>
    <message>
        <source>Sign in again.</source>
        <translation>請重新登入。</translation>
    </message>
    <message>
        <source>Your sign-in has expired after a long time without use.</source>
        <translation>您的登入因長時間未使用而已過期。</translation>
    </message>
    <message>
        <source>Your organisation&apos;s conditional access policy requires you to sign in again (sign-in frequency).</source>
        <translation>貴組織的條件式存取原則要求您重新登入 (登入頻率)。</translation>
    </message>
    <message>
        <source>Sign in again; this is expected from time to time.</source>
        <translation>請重新登入；這種情況會不時發生。</translation>
    </message>
    <message>
        <source>Partner Desk has no consent in this tenant.</source>
        <translation>Partner Desk 在此租用戶中沒有同意。</translation>
    </message>
    <message>
        <source>An administrator must grant consent to the Partner Desk app registration. For a customer tenant, check that the app is consented for GDAP access in Partner Center.</source>
        <translation>系統管理員必須對 Partner Desk 應用程式註冊授與同意。若是客戶租用戶，請在 Partner Center 中確認已為 GDAP 存取同意此應用程式。</translation>
    </message>
    <message>
        <source>Consent was declined.</source>
        <translation>已拒絕同意。</translation>
    </message>
    <message>
        <source>Sign in again and accept the permissions.</source>
        <translation>請重新登入並接受權限。</translation>
    </message>
    <message>
        <source>Multi-factor authentication is required.</source>
        <translation>需要多重要素驗證。</translation>
    </message>
    <message>
        <source>Sign in interactively and complete the MFA prompt; Partner Center always requires MFA.</source>
        <translation>請以互動方式登入並完成 MFA 提示；Partner Center 一律需要 MFA。</translation>
    </message>
    <message>
        <source>Your account must register for multi-factor authentication first.</source>
        <translation>您的帳戶必須先註冊多重要素驗證。</translation>
    </message>
    <message>
        <source>Register MFA for your account (https://aka.ms/mfasetup), then sign in again.</source>
        <translation>請為您的帳戶註冊 MFA (https://aka.ms/mfasetup)，然後重新登入。</translation>
    </message>
    <message>
        <source>The tenant was not found in this Microsoft cloud.</source>
        <translation>在此 Microsoft 雲端中找不到該租用戶。</translation>
    </message>
    <message>
        <source>Check the cloud in the account menu: US Government and China tenants sign in to their own clouds, GCC (moderate) tenants to the global cloud.</source>
        <translation>請在 [帳戶] 功能表中檢查雲端：美國政府與中國的租用戶登入各自的雲端，GCC (中度) 租用戶則登入全球雲端。</translation>
    </message>
    <message>
        <source>This sign-in address is not a valid Microsoft cloud instance.</source>
        <translation>此登入位址不是有效的 Microsoft 雲端執行個體。</translation>
    </message>
    <message>
        <source>Choose the cloud your partner tenant lives in from the account menu.</source>
        <translation>請從 [帳戶] 功能表選擇您的合作夥伴租用戶所在的雲端。</translation>
    </message>
    <message>
        <source>The application (client) id is not registered in your partner tenant in this cloud.</source>
        <translation>應用程式 (用戶端) 識別碼未在此雲端的合作夥伴租用戶中註冊。</translation>
    </message>
    <message>
        <source>Check the client id in Settings: app registrations are per cloud, so register the app in your partner tenant in the cloud you sign in to (see the README&apos;s first-run guide).</source>
        <translation>請在 [設定] 中檢查用戶端識別碼：應用程式註冊是以雲端為單位，因此請在您登入之雲端的合作夥伴租用戶中註冊應用程式 (請參閱 README 的首次執行指南)。</translation>
    </message>
    <message>
        <source>The user name or password is wrong.</source>
        <translation>使用者名稱或密碼錯誤。</translation>
    </message>
    <message>
        <source>Sign in again with the right account.</source>
        <translation>請使用正確的帳戶重新登入。</translation>
    </message>
    <message>
        <source>This account does not exist in the tenant.</source>
        <translation>此帳戶不存在於該租用戶中。</translation>
    </message>
    <message>
        <source>Sign in with your Partner Center account.</source>
        <translation>請使用您的 Partner Center 帳戶登入。</translation>
    </message>
    <message>
        <source>A conditional access policy blocked the sign-in.</source>
        <translation>條件式存取原則封鎖了此次登入。</translation>
    </message>
    <message>
        <source>Ask your administrator which policy applies (device compliance, location, ...).</source>
        <translation>請詢問您的系統管理員適用哪一項原則 (裝置合規性、位置等)。</translation>
    </message>
    <message>
        <source>Partner Desk is not yet allowed in this customer</source>
        <translation>Partner Desk 尚未在此客戶中獲得允許</translation>
    </message>
    <message>
        <source>Allow it in this customer: &apos;Allow in this customer&apos; on the customer&apos;s tab, Account &gt; Allow Partner Desk in all customers, or &apos;partner-desk consent --customer TENANT&apos;. It needs a GDAP role in the customer that can consent to apps (Global Administrator, Privileged Role Administrator or Cloud Application Administrator).</source>
        <translation>請在此客戶中允許它：客戶索引標籤上的 [在此客戶中允許]、[帳戶] &gt; [在所有客戶中允許 Partner Desk]，或執行 &apos;partner-desk consent --customer TENANT&apos;。這需要您在客戶中具備可同意應用程式的 GDAP 角色 (Global Administrator、Privileged Role Administrator 或 Cloud Application Administrator)。</translation>
    </message>
    <message>
        <source>Sign-in was cancelled.</source>
        <translation>已取消登入。</translation>
    </message>
    <message>
        <source>Sign in again when ready.</source>
        <translation>準備好後請重新登入。</translation>
    </message>
    <message>
        <source>Sign-in was declined.</source>
        <translation>登入遭到拒絕。</translation>
    </message>
    <message>
        <source>The sign-in code expired before it was used.</source>
        <translation>登入代碼在使用前已過期。</translation>
    </message>
    <message>
        <source>Start the device code sign-in again and enter the new code within 15 minutes.</source>
        <translation>請重新開始裝置代碼登入，並在 15 分鐘內輸入新的代碼。</translation>
    </message>
    <message>
        <source>Your sign-in is no longer valid.</source>
        <translation>您的登入已失效。</translation>
    </message>
    <message>
        <source>Microsoft needs you to sign in again interactively.</source>
        <translation>Microsoft 需要您以互動方式重新登入。</translation>
    </message>
    <message>
        <source>Try again; if it keeps failing, the log has Microsoft&apos;s full answer for support.</source>
        <translation>請再試一次；如果持續失敗，記錄檔中有 Microsoft 的完整回應可供支援人員參考。</translation>
    </message>
    <message>
        <source>Check the network connection (and proxy), then try again.</source>
        <translation>請檢查網路連線 (以及 Proxy)，然後再試一次。</translation>
    </message>
    <message>
        <source>Behind a proxy that inspects TLS, point REQUESTS_CA_BUNDLE at your organisation&apos;s CA bundle. For a sandbox, check that its address is the one it printed.</source>
        <translation>若位於會檢查 TLS 的 Proxy 之後，請將 REQUESTS_CA_BUNDLE 指向貴組織的 CA 套件組合。若是沙箱，請確認其位址與它所顯示的相同。</translation>
    </message>
    <message>
        <source>Signed in through the browser: the Windows account broker refused this app registration. Partner Desk uses the browser for it from now on. To use the broker, add the redirect URI ms-appx-web://Microsoft.AAD.BrokerPlugin/&lt;client id&gt; to the app registration (see the sign-in dialog&apos;s help).</source>
        <translation>已透過瀏覽器登入：Windows 帳戶代理程式拒絕了此應用程式註冊。從現在起，Partner Desk 將透過瀏覽器登入此註冊。若要使用代理程式，請在應用程式註冊中新增重新導向 URI ms-appx-web://Microsoft.AAD.BrokerPlugin/&lt;用戶端識別碼&gt; (請參閱登入對話方塊中的說明)。</translation>
    </message>
    <message>
        <source>The Windows account broker keeps this sign-in to itself, and customer tenants need Partner Desk&apos;s own.</source>
        <translation>Windows 帳戶代理程式不會交出此登入，而客戶租用戶需要 Partner Desk 自己的登入。</translation>
    </message>
    <message>
        <source>Sign in again: Partner Desk signs in through the browser from now on.</source>
        <translation>請重新登入：從現在起，Partner Desk 將透過瀏覽器登入。</translation>
    </message>
    <message>
        <source>Sign-in did not finish in the browser in time.</source>
        <translation>未在時限內於瀏覽器中完成登入。</translation>
    </message>
    <message>
        <source>Sign in again; if the browser cannot reach this computer, use the device code instead.</source>
        <translation>請重新登入；如果瀏覽器無法連線到這台電腦，請改用裝置代碼。</translation>
    </message>
    <message>
        <source>Choose another cloud from the account menu.</source>
        <translation>請從 [帳戶] 功能表選擇其他雲端。</translation>
    </message>
    <message>
        <source>No application (client) id is set for signing in.</source>
        <translation>尚未設定登入用的應用程式 (用戶端) 識別碼。</translation>
    </message>
    <message>
        <source>Register Partner Desk as a public client app in your partner tenant and enter its client id in Settings (the README&apos;s first-run guide lists the steps).</source>
        <translation>請在您的合作夥伴租用戶中將 Partner Desk 註冊為公用用戶端應用程式，並在 [設定] 中輸入其用戶端識別碼 (步驟請參閱 README 的首次執行指南)。</translation>
    </message>
    <message>
        <source>You are not signed in.</source>
        <translation>您尚未登入。</translation>
    </message>
    <message>
        <source>Sign in from the account menu.</source>
        <translation>請從 [帳戶] 功能表登入。</translation>
    </message>
</context>
<context>
    <name>CannotStart</name>
    <message>
        <source>No log file this time: {0}</source>
        <translation>本次沒有記錄檔：{0}</translation>
    </message>
    <message>
        <source>data folder (drafts, tags and sign-ins)</source>
        <translation>資料資料夾（草稿、標籤與登入資訊）</translation>
    </message>
    <message>
        <source>settings folder</source>
        <translation>設定資料夾</translation>
    </message>
    <message>
        <source>cache folder</source>
        <translation>快取資料夾</translation>
    </message>
    <message>
        <source>log folder</source>
        <translation>記錄資料夾</translation>
    </message>
    <message>
        <source>folder</source>
        <translation>資料夾</translation>
    </message>
    <message>
        <source>Partner Desk cannot write to its {0}:
{1}

({2})

Make this folder writable for your user account, or set PARTNER_DESK_HOME to a folder that is, then start Partner Desk again.</source>
        <translation>Partner Desk 無法寫入其{0}：
{1}

（{2}）

請讓您的使用者帳戶可以寫入此資料夾，或將 PARTNER_DESK_HOME 設為可寫入的資料夾，然後再次啟動 Partner Desk。</translation>
    </message>
    <message>
        <source>Another program keeps a file of Partner Desk locked:
{0}

It stayed locked for {1} seconds. Close the other program (another Partner Desk window?), then start Partner Desk again.</source>
        <translation>另一個程式鎖定了 Partner Desk 的檔案：
{0}

它已鎖定 {1} 秒。請關閉該程式（另一個 Partner Desk 視窗？），然後再次啟動 Partner Desk。</translation>
    </message>
    <message>
        <source>Partner Desk could not start:
{0}</source>
        <translation>Partner Desk 無法啟動：
{0}</translation>
    </message>
    <message>
        <source>Partner Desk cannot start</source>
        <translation>Partner Desk 無法啟動</translation>
    </message>
</context>
<context>
    <name>ConsentDialog</name>
    <message>
        <source>Allow Partner Desk in all customers</source>
        <translation>在所有客戶中允許 Partner Desk</translation>
    </message>
    <message numerus="yes">
        <source>Microsoft gives Partner Desk no access to a customer&apos;s tenant until consent is granted for the app there (GDAP). This asks Partner Center to grant it for each of your %n customer(s), to read service health; where it is already granted nothing changes.

Granting consent takes a GDAP role in the customer that can consent to apps: Global Administrator, Privileged Role Administrator or Cloud Application Administrator.</source>
        <translation>
            <numerusform>在客戶的租用戶中授與應用程式同意 (GDAP) 之前，Microsoft 不會讓 Partner Desk 存取該租用戶。此操作會要求 Partner Center 在您的 %n 位客戶中逐一授與同意，以便讀取服務健康情況；已授與同意的客戶不會有任何變更。

授與同意需要您在客戶中具備可同意應用程式的 GDAP 角色：Global Administrator、Privileged Role Administrator 或 Cloud Application Administrator。</numerusform>
        </translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>進度</translation>
    </message>
    <message>
        <source>Customers done</source>
        <translation>已處理的客戶</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客戶</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Consent results</source>
        <translation>同意結果</translation>
    </message>
    <message>
        <source>&amp;Allow in all customers</source>
        <translation>在所有客戶中允許(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>停止(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>關閉(&amp;C)</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>正在停止…</translation>
    </message>
    <message>
        <source>&amp;Run again</source>
        <translation>再次執行(&amp;R)</translation>
    </message>
    <message>
        <source>Allowed</source>
        <translation>已允許</translation>
    </message>
    <message>
        <source>Already allowed</source>
        <translation>先前已允許</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>已拒絕</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>Your GDAP roles in this customer cannot consent to apps (it takes Global Administrator, Privileged Role Administrator or Cloud Application Administrator).</source>
        <translation>您在此客戶中的 GDAP 角色無法同意應用程式 (需要 Global Administrator、Privileged Role Administrator 或 Cloud Application Administrator)。</translation>
    </message>
    <message>
        <source>No GDAP relationship with this customer covers your account. Ask the customer to approve one whose roles include Global Administrator, Privileged Role Administrator or Cloud Application Administrator for a security group you belong to.</source>
        <translation>與此客戶的 GDAP 關係均未涵蓋您的帳戶。請客戶核准一個 GDAP 關係，其中為您所屬的安全性群組指派的角色須包含 Global Administrator、Privileged Role Administrator 或 Cloud Application Administrator。</translation>
    </message>
    <message>
        <source>{0} allowed · {1} already allowed · {2} refused ({3} without GDAP) · {4} failed</source>
        <translation>已允許 {0} · 先前已允許 {1} · 已拒絕 {2}（其中 {3} 個沒有 GDAP）· 失敗 {4}</translation>
    </message>
    <message numerus="yes">
        <source>Failed after {0} of %n customer(s):</source>
        <translation>
            <numerusform>已失敗，已處理 {0} / %n 位客戶：</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Stopped after {0} of %n customer(s):</source>
        <translation>
            <numerusform>已停止，已處理 {0} / %n 位客戶：</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Done, %n customer(s):</source>
        <translation>
            <numerusform>已完成，共 %n 位客戶：</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{0} of %n customer(s):</source>
        <translation>
            <numerusform>{0} / %n 位客戶：</numerusform>
        </translation>
    </message>
    <message>
        <source>Not started.</source>
        <translation>尚未開始。</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>Something went wrong</source>
        <translation>發生錯誤</translation>
    </message>
    <message>
        <source>{0}

Partner Desk keeps running; what you were doing may not have finished. The details below (no passwords or tokens) help support find the cause.</source>
        <translation>{0}

Partner Desk 會繼續執行，但您剛才的操作可能尚未完成。下方的詳細資料 (不含密碼或權杖) 可協助支援人員找出原因。</translation>
    </message>
    <message>
        <source>Error details</source>
        <translation>錯誤詳細資料</translation>
    </message>
    <message>
        <source>&amp;Copy details</source>
        <translation>複製詳細資料(&amp;C)</translation>
    </message>
</context>
<context>
    <name>CustomerList</name>
    <message>
        <source>Search customers</source>
        <translation>搜尋客戶</translation>
    </message>
    <message>
        <source>Filters the list as you type; Down moves into the list.</source>
        <translation>輸入時即篩選清單；按向下鍵可移至清單。</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客戶</translation>
    </message>
    <message>
        <source>Customer count</source>
        <translation>客戶數</translation>
    </message>
    <message>
        <source>Scope:</source>
        <translation>範圍：</translation>
    </message>
    <message>
        <source>No customer matches “{0}”.</source>
        <translation>沒有符合「{0}」的客戶。</translation>
    </message>
    <message>
        <source>No customer to show.</source>
        <translation>沒有可顯示的客戶。</translation>
    </message>
    <message numerus="yes">
        <source>%Ln customer(s)</source>
        <translation>
            <numerusform>%Ln 位客戶</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %Ln customer(s)</source>
        <translation>
            <numerusform>%1 / %Ln 位客戶</numerusform>
        </translation>
    </message>
    <message>
        <source>Search name, domain or tenant ID ({0})</source>
        <translation>搜尋名稱、網域或租用戶識別碼 ({0})</translation>
    </message>
    <message>
        <source>Arrow keys choose a customer; its details open on the right. {0} stars it, {1} tags it; {2} shows both.</source>
        <translation>使用方向鍵選擇客戶，其詳細資料會顯示在右側。{0} 加入我的最愛，{1} 加上標籤；{2}可顯示這兩項。</translation>
    </message>
    <message>
        <source>No customer here yet: star customers ({0}) or tag them ({1}), then choose them here.</source>
        <translation>這裡還沒有客戶：請將客戶加入我的最愛 ({0}) 或加上標籤 ({1})，再於此處選擇。</translation>
    </message>
</context>
<context>
    <name>CustomerTableModel</name>
    <message>
        <source>Reseller</source>
        <translation>轉銷商</translation>
    </message>
    <message>
        <source>Advisor</source>
        <translation>顧問</translation>
    </message>
    <message>
        <source>Syndication</source>
        <translation>聯合</translation>
    </message>
    <message>
        <source>Microsoft support</source>
        <translation>Microsoft 支援</translation>
    </message>
    <message>
        <source>None</source>
        <translation>無</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Service health not loaded yet</source>
        <translation>尚未載入服務健康情況</translation>
    </message>
    <message>
        <source>Checked {0}</source>
        <translation>檢查時間：{0}</translation>
    </message>
    <message>
        <source>%1 until %2</source>
        <translation>%1，至 %2</translation>
    </message>
    <message>
        <source>GDAP relationships not loaded</source>
        <translation>尚未載入 GDAP 關係</translation>
    </message>
    <message>
        <source>Roles: %1</source>
        <translation>角色：%1</translation>
    </message>
    <message>
        <source>Ends %1</source>
        <translation>結束於 %1</translation>
    </message>
    <message>
        <source>Ask the customer to approve a new relationship before it ends.</source>
        <translation>請在關係結束前請客戶核准新的關係。</translation>
    </message>
    <message>
        <source>Health: %1</source>
        <translation>健康情況：%1</translation>
    </message>
</context>
<context>
    <name>DashboardWindow</name>
    <message>
        <source>Dashboard — who is hurt right now</source>
        <translation>儀表板 — 目前受影響的客戶</translation>
    </message>
    <message>
        <source>&amp;Check all customers</source>
        <translation>檢查所有客戶(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>停止(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>匯出(&amp;E)…</translation>
    </message>
    <message>
        <source>Save what this sweep found as CSV or JSON</source>
        <translation>將此次檢查的結果儲存為 CSV 或 JSON</translation>
    </message>
    <message>
        <source>Sweep progress</source>
        <translation>檢查進度</translation>
    </message>
    <message>
        <source>Not checked yet.</source>
        <translation>尚未檢查。</translation>
    </message>
    <message>
        <source>Sweep counts</source>
        <translation>檢查統計</translation>
    </message>
    <message>
        <source>Sc&amp;ope:</source>
        <translation>範圍(&amp;O)：</translation>
    </message>
    <message>
        <source>Customers by service</source>
        <translation>依服務檢視客戶</translation>
    </message>
    <message>
        <source>Incidents now</source>
        <translation>目前的事件</translation>
    </message>
    <message>
        <source>Incident details</source>
        <translation>事件詳細資料</translation>
    </message>
    <message>
        <source>Customers this incident touches</source>
        <translation>受此事件影響的客戶</translation>
    </message>
    <message>
        <source>Enter opens the customer in the main window.</source>
        <translation>按 Enter 鍵可在主視窗中開啟該客戶。</translation>
    </message>
    <message>
        <source>Customers it touches</source>
        <translation>受影響的客戶</translation>
    </message>
    <message>
        <source>Dashboard views</source>
        <translation>儀表板檢視</translation>
    </message>
    <message>
        <source>&amp;Health and incidents</source>
        <translation>健康情況與事件(&amp;H)</translation>
    </message>
    <message>
        <source>Planned chan&amp;ges</source>
        <translation>預定變更(&amp;G)</translation>
    </message>
    <message>
        <source>Load the customer list first.</source>
        <translation>請先載入客戶清單。</translation>
    </message>
    <message>
        <source>Resume &amp;check</source>
        <translation>繼續檢查(&amp;C)</translation>
    </message>
    <message>
        <source>Check the customers the stopped check had not reached</source>
        <translation>檢查已停止的檢查尚未檢查到的客戶</translation>
    </message>
    <message>
        <source>No customer in this scope.</source>
        <translation>此範圍內沒有客戶。</translation>
    </message>
    <message numerus="yes">
        <source>%n without GDAP access or consent</source>
        <translation>
            <numerusform>%n 個沒有 GDAP 存取權或同意</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>about %n s left</source>
        <translation>
            <numerusform>約剩 %n 秒</numerusform>
        </translation>
    </message>
    <message>
        <source>failed</source>
        <translation>已失敗</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message numerus="yes">
        <source>done in %n s</source>
        <translation>
            <numerusform>%n 秒內完成</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 done · %2 failed · %3 remaining · %4</source>
        <translation>已完成 %1 · 失敗 %2 · 剩餘 %3 · %4</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; of %2 customers have a degraded service · %3 incidents now</source>
        <translation>%2 位客戶中有 &lt;b&gt;%1&lt;/b&gt; 位的服務降級 · 目前有 %3 個事件</translation>
    </message>
    <message>
        <source>Export failed: {0}</source>
        <translation>匯出失敗：{0}</translation>
    </message>
    <message>
        <source>Saved {0}</source>
        <translation>已儲存 {0}</translation>
    </message>
    <message>
        <source>Export the dashboard</source>
        <translation>匯出儀表板</translation>
    </message>
    <message>
        <source>Health per service, CSV (*.csv)</source>
        <translation>各服務的健康情況，CSV (*.csv)</translation>
    </message>
    <message>
        <source>Health per service, JSON (*.json)</source>
        <translation>各服務的健康情況，JSON (*.json)</translation>
    </message>
    <message>
        <source>Active incidents per customer, CSV (*.csv)</source>
        <translation>各客戶的作用中事件，CSV (*.csv)</translation>
    </message>
    <message>
        <source>Active incidents per customer, JSON (*.json)</source>
        <translation>各客戶的作用中事件，JSON (*.json)</translation>
    </message>
    <message>
        <source>last update {0}</source>
        <translation>上次更新 {0}</translation>
    </message>
</context>
<context>
    <name>DeviceCodeDialog</name>
    <message>
        <source>Sign in with a code</source>
        <translation>使用代碼登入</translation>
    </message>
    <message>
        <source>Open {0} and enter this code:</source>
        <translation>開啟 {0} 並輸入此代碼：</translation>
    </message>
    <message>
        <source>Device code</source>
        <translation>裝置代碼</translation>
    </message>
    <message>
        <source>Copy code</source>
        <translation>複製代碼</translation>
    </message>
    <message>
        <source>Open the sign-in page</source>
        <translation>開啟登入頁面</translation>
    </message>
    <message>
        <source>Waiting for you to finish signing in…</source>
        <translation>正在等待您完成登入…</translation>
    </message>
</context>
<context>
    <name>DraftChooser</name>
    <message>
        <source>(untitled)</source>
        <translation>(無標題)</translation>
    </message>
    <message>
        <source>New service request — {0}</source>
        <translation>新增服務要求 — {0}</translation>
    </message>
    <message numerus="yes">
        <source>%n draft(s) for this customer kept. Continue one, or start a new request:</source>
        <translation>
            <numerusform>此客戶有 %n 份保留的草稿。請繼續其中一份，或開始新的要求：</numerusform>
        </translation>
    </message>
    <message>
        <source>Kept drafts</source>
        <translation>保留的草稿</translation>
    </message>
    <message>
        <source>A new, blank request</source>
        <translation>新的空白要求</translation>
    </message>
</context>
<context>
    <name>DraftsDialog</name>
    <message>
        <source>Drafts</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Drafts are kept on this computer until Microsoft has the request. Open one to carry on, or discard it.</source>
        <translation>草稿會保留在這部電腦上，直到 Microsoft 收到要求為止。開啟草稿以繼續編輯，或將其捨棄。</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客戶</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>標題</translation>
    </message>
    <message>
        <source>State</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>儲存時間</translation>
    </message>
    <message>
        <source>Kept drafts</source>
        <translation>保留的草稿</translation>
    </message>
    <message>
        <source>No drafts kept.</source>
        <translation>沒有保留的草稿。</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>開啟(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Discard…</source>
        <translation>捨棄(&amp;D)…</translation>
    </message>
    <message>
        <source>Open the selected draft</source>
        <translation>開啟選取的草稿</translation>
    </message>
    <message>
        <source>Discard the selected draft</source>
        <translation>捨棄選取的草稿</translation>
    </message>
    <message>
        <source>Discard the selected draft (Delete)</source>
        <translation>捨棄選取的草稿 (Delete)</translation>
    </message>
    <message>
        <source>Filed, number unknown</source>
        <translation>已提出，編號不明</translation>
    </message>
    <message>
        <source>Sent, not confirmed</source>
        <translation>已送出，未確認</translation>
    </message>
    <message>
        <source>To send when online</source>
        <translation>連線後送出</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>未送出</translation>
    </message>
    <message>
        <source>The drafts could not be read: {0}</source>
        <translation>無法讀取草稿：{0}</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>(無標題)</translation>
    </message>
    <message>
        <source>Discard the draft “{0}” for {1}? Its text cannot be brought back.</source>
        <translation>要捨棄 {1} 的草稿「{0}」嗎？其內容將無法復原。</translation>
    </message>
    <message>
        <source>It may already be with Microsoft ({0}): discarding it could let the same request be filed again.</source>
        <translation>Microsoft 可能已收到此要求 ({0})：捨棄後，同一個要求可能會被再次提出。</translation>
    </message>
    <message>
        <source>Discard draft</source>
        <translation>捨棄草稿</translation>
    </message>
    <message>
        <source>The draft could not be discarded: {0}</source>
        <translation>無法捨棄草稿：{0}</translation>
    </message>
    <message>
        <source>Draft “{0}” for {1} discarded.</source>
        <translation>已捨棄 {1} 的草稿「{0}」。</translation>
    </message>
</context>
<context>
    <name>GdapModel</name>
    <message>
        <source>Active</source>
        <translation>作用中</translation>
    </message>
    <message>
        <source>Being assigned</source>
        <translation>正在指派</translation>
    </message>
    <message>
        <source>Being removed</source>
        <translation>正在移除</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>已移除</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>No customer yet</source>
        <translation>尚無客戶</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>成員</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Not a member</source>
        <translation>非成員</translation>
    </message>
    <message>
        <source>Group names could not be read: its object id is shown.</source>
        <translation>無法讀取群組名稱：此處顯示其物件識別碼。</translation>
    </message>
    <message>
        <source>A security group of your partner tenant that you are not a member of: Partner Desk can read the names of your own groups only. Its object id is shown; find it in the Entra admin center (Groups).</source>
        <translation>您不是其成員的合作夥伴租用戶安全性群組：Partner Desk 只能讀取您所屬群組的名稱。此處顯示其物件識別碼；您可以在 Microsoft Entra 系統管理中心 (群組) 中找到它。</translation>
    </message>
</context>
<context>
    <name>GdapWindow</name>
    <message>
        <source>GDAP relationships</source>
        <translation>GDAP 關係</translation>
    </message>
    <message>
        <source>Every status</source>
        <translation>所有狀態</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>作用中</translation>
    </message>
    <message>
        <source>Ending soon, not extended automatically</source>
        <translation>即將結束，不會自動延長</translation>
    </message>
    <message>
        <source>Not yet approved</source>
        <translation>尚未核准</translation>
    </message>
    <message>
        <source>Ended (expiring, expired, terminated)</source>
        <translation>已結束 (即將到期、已過期、已終止)</translation>
    </message>
    <message>
        <source>Other statuses</source>
        <translation>其他狀態</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>顯示(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>重新載入(&amp;R)</translation>
    </message>
    <message>
        <source>Enter opens the relationship&apos;s customer in the main window.</source>
        <translation>按 Enter 鍵可在主視窗中開啟該關係的客戶。</translation>
    </message>
    <message>
        <source>What the last action did</source>
        <translation>上一個動作的結果</translation>
    </message>
    <message>
        <source>GDAP relationships cannot be read in the {0}.</source>
        <translation>在 {0} 中無法讀取 GDAP 關係。</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在載入…</translation>
    </message>
    <message>
        <source>%1 of %2 shown</source>
        <translation>顯示 %1 / %2</translation>
    </message>
    <message numerus="yes">
        <source>%n could not be read (see the log)</source>
        <translation>
            <numerusform>%n 個無法讀取 (請參閱記錄檔)</numerusform>
        </translation>
    </message>
    <message>
        <source>No GDAP relationship has this status.</source>
        <translation>沒有此狀態的 GDAP 關係。</translation>
    </message>
    <message>
        <source>This partner has no GDAP relationships.</source>
        <translation>此合作夥伴沒有任何 GDAP 關係。</translation>
    </message>
</context>
<context>
    <name>GdapWindowOpener</name>
    <message>
        <source>&amp;GDAP relationships…</source>
        <translation>GDAP 關係(&amp;G)…</translation>
    </message>
</context>
<context>
    <name>HealthBoard</name>
    <message>
        <source>service health</source>
        <translation>服務健康情況</translation>
    </message>
</context>
<context>
    <name>HealthGridModel</name>
    <message>
        <source>Customer</source>
        <translation>客戶</translation>
    </message>
    <message>
        <source>Affected</source>
        <translation>受影響</translation>
    </message>
    <message numerus="yes">
        <source>%n service(s)</source>
        <translation>
            <numerusform>%n 項服務</numerusform>
        </translation>
    </message>
    <message>
        <source>no data</source>
        <translation>無資料</translation>
    </message>
</context>
<context>
    <name>HealthGridView</name>
    <message>
        <source>Customers by service</source>
        <translation>依服務檢視客戶</translation>
    </message>
    <message>
        <source>One row per customer, most affected first, one column per service; every cell has a shape and a word. Enter opens the customer in the main window.</source>
        <translation>每位客戶一列，受影響最多的在前；每項服務一欄；每個儲存格都有圖形與文字。按 Enter 鍵可在主視窗中開啟該客戶。</translation>
    </message>
</context>
<context>
    <name>HealthPane</name>
    <message>
        <source>service health</source>
        <translation>服務健康情況</translation>
    </message>
    <message>
        <source>Service health</source>
        <translation>服務健康情況</translation>
    </message>
    <message>
        <source>Every service of the customer with its status, worst first. Enter shows the service&apos;s incidents.</source>
        <translation>客戶的每項服務及其狀態，最嚴重的在前。按 Enter 鍵會顯示該服務的事件。</translation>
    </message>
    <message>
        <source>No services reported</source>
        <translation>未回報任何服務</translation>
    </message>
    <message>
        <source>Microsoft reports no services for this tenant.</source>
        <translation>Microsoft 未回報此租用戶的任何服務。</translation>
    </message>
    <message numerus="yes">
        <source>%n service(s) degraded or down</source>
        <translation>
            <numerusform>%n 項服務降級或停止運作</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n under investigation</source>
        <translation>
            <numerusform>%n 項調查中</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n operational</source>
        <translation>
            <numerusform>%n 項運作中</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) could not be read</source>
        <translation>
            <numerusform>%n 個項目無法讀取</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HealthWiring</name>
    <message>
        <source>Health check: its background process stopped and was restarted; it goes on.</source>
        <translation>健康情況檢查：背景處理程序已重新啟動，檢查繼續進行。</translation>
    </message>
</context>
<context>
    <name>IncidentsNowView</name>
    <message>
        <source>Incidents now</source>
        <translation>目前的事件</translation>
    </message>
    <message>
        <source>Active Microsoft issues, the most widespread first. The selected one&apos;s details and the customers it touches follow.</source>
        <translation>作用中的 Microsoft 問題，影響範圍最廣的在前。接著是所選問題的詳細資料及受影響的客戶。</translation>
    </message>
</context>
<context>
    <name>IncidentsPane</name>
    <message>
        <source>incidents</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>顯示：</translation>
    </message>
    <message>
        <source>Ac&amp;tive</source>
        <translation>作用中(&amp;T)</translation>
    </message>
    <message>
        <source>Reso&amp;lved</source>
        <translation>已解決(&amp;L)</translation>
    </message>
    <message>
        <source>Incide&amp;nts</source>
        <translation>事件(&amp;N)</translation>
    </message>
    <message>
        <source>Ad&amp;visories</source>
        <translation>諮詢(&amp;V)</translation>
    </message>
    <message>
        <source>Show the issues of every service</source>
        <translation>顯示所有服務的問題</translation>
    </message>
    <message>
        <source>&amp;Escalate…</source>
        <translation>提報(&amp;E)…</translation>
    </message>
    <message>
        <source>File a service request with Microsoft about the selected issue</source>
        <translation>針對選取的問題向 Microsoft 提出服務要求</translation>
    </message>
    <message>
        <source>Do&amp;wnload review…</source>
        <translation>下載報告(&amp;W)…</translation>
    </message>
    <message>
        <source>Save Microsoft&apos;s post-incident review of the selected issue and open it</source>
        <translation>儲存 Microsoft 針對所選問題的事件後報告並開啟</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Active issues first, newest first. The selected issue&apos;s updates follow; Alt+E escalates it to Microsoft.</source>
        <translation>作用中的問題在前，最新的在前。接著是所選問題的更新；按 Alt+E 可將其提報給 Microsoft。</translation>
    </message>
    <message>
        <source>Incident details</source>
        <translation>事件詳細資料</translation>
    </message>
    <message>
        <source>Only {0} ✕</source>
        <translation>僅 {0} ✕</translation>
    </message>
    <message>
        <source>{0} of {1} shown</source>
        <translation>顯示 {0} / {1}</translation>
    </message>
    <message numerus="yes">
        <source>%n issue(s)</source>
        <translation>
            <numerusform>%n 個問題</numerusform>
        </translation>
    </message>
    <message>
        <source>No incidents match the filter.</source>
        <translation>沒有符合篩選條件的事件。</translation>
    </message>
    <message>
        <source>Microsoft reports no incidents or advisories for this customer.</source>
        <translation>Microsoft 未回報此客戶的任何事件或諮詢。</translation>
    </message>
    <message>
        <source>Cancel download</source>
        <translation>取消下載</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>服務</translation>
    </message>
    <message>
        <source>Feature</source>
        <translation>功能</translation>
    </message>
    <message>
        <source>Classification</source>
        <translation>分類</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>開始時間</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>結束時間</translation>
    </message>
    <message>
        <source>Ongoing</source>
        <translation>進行中</translation>
    </message>
    <message>
        <source>Last update</source>
        <translation>上次更新</translation>
    </message>
    <message>
        <source>User impact</source>
        <translation>使用者影響</translation>
    </message>
    <message>
        <source>Post-incident review</source>
        <translation>事件後報告</translation>
    </message>
    <message>
        <source>Published by Microsoft</source>
        <translation>已由 Microsoft 發佈</translation>
    </message>
    <message>
        <source>No updates posted yet.</source>
        <translation>尚未發佈任何更新。</translation>
    </message>
    <message>
        <source>Updates (newest first)</source>
        <translation>更新 (最新的在前)</translation>
    </message>
    <message>
        <source>Quick update</source>
        <translation>快速更新</translation>
    </message>
    <message>
        <source>Strategic update</source>
        <translation>策略更新</translation>
    </message>
</context>
<context>
    <name>IssueTableModel</name>
    <message>
        <source>Incident</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Advisory</source>
        <translation>諮詢</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
</context>
<context>
    <name>LineEdit</name>
    <message>
        <source>Clear text</source>
        <translation>清除文字</translation>
    </message>
</context>
<context>
    <name>ListStatus</name>
    <message>
        <source>Loading customers…</source>
        <translation>正在載入客戶…</translation>
    </message>
    <message>
        <source>Showing the list as of {0}; refreshing…</source>
        <translation>顯示截至 {0} 的清單；正在重新整理…</translation>
    </message>
    <message>
        <source>customer list</source>
        <translation>客戶清單</translation>
    </message>
    <message>
        <source>{0}: showing the list as of {1}.</source>
        <translation>{0}：顯示截至 {1} 的清單。</translation>
    </message>
    <message>
        <source>Refresh (F5) tries again.</source>
        <translation>重新整理 (F5) 可再試一次。</translation>
    </message>
    <message>
        <source>Offline: the customer list as of {0}.</source>
        <translation>離線：截至 {0} 的客戶清單。</translation>
    </message>
    <message>
        <source>an unknown time</source>
        <translation>未知時間</translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s) loaded</source>
        <translation>
            <numerusform>已載入 %n 位客戶</numerusform>
        </translation>
    </message>
    <message>
        <source>GDAP relationships</source>
        <translation>GDAP 關係</translation>
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
        <translation>按 {0} 尋找客戶。</translation>
    </message>
    <message>
        <source>Customer details</source>
        <translation>客戶詳細資料</translation>
    </message>
    <message>
        <source>&amp;Overview</source>
        <translation>概觀(&amp;O)</translation>
    </message>
    <message>
        <source>Service &amp;health</source>
        <translation>服務健康情況(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Incidents</source>
        <translation>事件(&amp;I)</translation>
    </message>
    <message>
        <source>Admin &amp;portals</source>
        <translation>系統管理入口網站(&amp;P)</translation>
    </message>
    <message>
        <source>Service reque&amp;sts</source>
        <translation>服務要求(&amp;S)</translation>
    </message>
    <message>
        <source>Find customer</source>
        <translation>尋找客戶</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>重新整理</translation>
    </message>
    <message>
        <source>Stop loading</source>
        <translation>停止載入</translation>
    </message>
    <message>
        <source>&amp;New service request…</source>
        <translation>新增服務要求(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Drafts…</source>
        <translation>草稿(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Requests of all customers…</source>
        <translation>所有客戶的要求(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Dashboard: who is hurt now…</source>
        <translation>儀表板：目前受影響的客戶(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Favourite</source>
        <translation>我的最愛(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Notifications and refresh…</source>
        <translation>通知與重新整理(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>結束(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;About Partner Desk</source>
        <translation>關於 Partner Desk(&amp;A)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>關於 Qt(&amp;Q)</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Partner Desk {0}&lt;/h3&gt;&lt;p&gt;For the staff of Microsoft Cloud Solution Provider partners: find a customer, see its service health and incidents, open its admin portals in the customer&apos;s context, and file service requests with Microsoft on its behalf.&lt;/p&gt;&lt;p&gt;Proprietary software. Built with Qt {1} and PySide6 {2}, used under the GNU Lesser General Public License version 3: About Qt says more.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Partner Desk {0}&lt;/h3&gt;&lt;p&gt;適用於 Microsoft 雲端解決方案提供者 (CSP) 合作夥伴的員工：尋找客戶、查看其服務健康情況與事件、在客戶的環境中開啟其系統管理入口網站，並代表客戶向 Microsoft 提出服務要求。&lt;/p&gt;&lt;p&gt;專有軟體。以 Qt {1} 與 PySide6 {2} 建置，依 GNU 較寬鬆通用公共授權條款 (LGPL) 第 3 版使用：詳情請見 [關於 Qt]。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About Partner Desk</source>
        <translation>關於 Partner Desk</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>說明</translation>
    </message>
    <message>
        <source>&amp;Tags…</source>
        <translation>標籤(&amp;T)…</translation>
    </message>
    <message>
        <source>&amp;Customers</source>
        <translation>客戶(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Requests</source>
        <translation>要求(&amp;R)</translation>
    </message>
    <message>
        <source>No customer {0} in the list.</source>
        <translation>清單中沒有客戶 {0}。</translation>
    </message>
    <message>
        <source>Search cleared to show the customer you opened.</source>
        <translation>已清除搜尋，以顯示您開啟的客戶。</translation>
    </message>
    <message>
        <source>Planned chan&amp;ges</source>
        <translation>預定變更(&amp;G)</translation>
    </message>
    <message>
        <source>Select a customer first ({0} finds one).</source>
        <translation>請先選取客戶 ({0} 可尋找)。</translation>
    </message>
    <message>
        <source>Drafts cannot be kept: no draft store.</source>
        <translation>無法保留草稿：沒有草稿存放區。</translation>
    </message>
    <message>
        <source>Choose a customer first.</source>
        <translation>請先選擇客戶。</translation>
    </message>
    <message>
        <source>Tags are not available: the local store could not open.</source>
        <translation>無法使用標籤：無法開啟本機存放區。</translation>
    </message>
    <message>
        <source>Tags not saved: {0}</source>
        <translation>未儲存標籤：{0}</translation>
    </message>
    <message>
        <source>Every customer</source>
        <translation>所有客戶</translation>
    </message>
    <message>
        <source>Favourites</source>
        <translation>我的最愛</translation>
    </message>
    <message>
        <source>Tag: {0}</source>
        <translation>標籤：{0}</translation>
    </message>
    <message>
        <source>Nobody (no notices)</source>
        <translation>無 (不通知)</translation>
    </message>
    <message>
        <source>No customer selected</source>
        <translation>未選取客戶</translation>
    </message>
    <message>
        <source>{0} to {1} choose a tab, and {2} goes back to the customer list.</source>
        <translation>{0} 到 {1} 可選擇索引標籤，{2} 可回到客戶清單。</translation>
    </message>
    <message>
        <source>a Control-click or a right-click</source>
        <translation>按住 Control 鍵點按或按右鍵</translation>
    </message>
    <message>
        <source>a right-click or the context-menu key</source>
        <translation>按右鍵或快顯功能表鍵</translation>
    </message>
</context>
<context>
    <name>MessagePanel</name>
    <message>
        <source>Retry</source>
        <translation>重試</translation>
    </message>
    <message>
        <source>Retry loading</source>
        <translation>重試載入</translation>
    </message>
</context>
<context>
    <name>MessageTableModel</name>
    <message>
        <source>Prevent or fix issue</source>
        <translation>防止或修正問題</translation>
    </message>
    <message>
        <source>Plan for change</source>
        <translation>規劃變更</translation>
    </message>
    <message>
        <source>Stay informed</source>
        <translation>隨時掌握資訊</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>一般</translation>
    </message>
    <message>
        <source>High</source>
        <translation>高</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>嚴重</translation>
    </message>
    <message>
        <source>%1 (passed)</source>
        <translation>%1 (已逾期)</translation>
    </message>
    <message>
        <source>Major</source>
        <translation>主要</translation>
    </message>
</context>
<context>
    <name>MessagesPane</name>
    <message>
        <source>No action required</source>
        <translation>不需要採取動作</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>類別</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>嚴重性</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>服務</translation>
    </message>
    <message>
        <source>Action required by</source>
        <translation>動作期限</translation>
    </message>
    <message>
        <source>Major change</source>
        <translation>主要變更</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>標籤</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>發佈日期</translation>
    </message>
    <message>
        <source>Last update</source>
        <translation>上次更新</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客戶</translation>
    </message>
    <message>
        <source>More information</source>
        <translation>其他資訊</translation>
    </message>
    <message>
        <source>planned changes</source>
        <translation>預定變更</translation>
    </message>
    <message>
        <source>&amp;Major changes only</source>
        <translation>僅顯示主要變更(&amp;M)</translation>
    </message>
    <message>
        <source>Planned changes</source>
        <translation>預定變更</translation>
    </message>
    <message>
        <source>Microsoft&apos;s message center posts for this customer: those with an action date first, soonest first. The selected post follows.</source>
        <translation>Microsoft 訊息中心針對此客戶的訊息：有動作期限的在前，最快到期的在前。接著是所選訊息。</translation>
    </message>
    <message>
        <source>Planned change details</source>
        <translation>預定變更詳細資料</translation>
    </message>
    <message>
        <source>{0} of {1} shown</source>
        <translation>顯示 {0} / {1}</translation>
    </message>
    <message numerus="yes">
        <source>%n post(s)</source>
        <translation>
            <numerusform>%n 則訊息</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n with an action date</source>
        <translation>
            <numerusform>%n 則有動作期限</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n post(s) could not be read</source>
        <translation>
            <numerusform>%n 則訊息無法讀取</numerusform>
        </translation>
    </message>
    <message>
        <source>No major changes; clear the filter to see every post.</source>
        <translation>沒有主要變更；清除篩選條件即可查看所有訊息。</translation>
    </message>
    <message>
        <source>Microsoft has posted no planned changes for this customer.</source>
        <translation>Microsoft 未針對此客戶發佈任何預定變更。</translation>
    </message>
</context>
<context>
    <name>NewRequestDialog</name>
    <message>
        <source>New service request — {0}</source>
        <translation>新增服務要求 — {0}</translation>
    </message>
    <message>
        <source>What is wrong, in one line</source>
        <translation>用一行說明問題</translation>
    </message>
    <message>
        <source>Azure services are filed in the Azure portal, the rest in the admin center.</source>
        <translation>Azure 服務在 Azure portal 中提出，其他服務則在系統管理中心提出。</translation>
    </message>
    <message>
        <source>Loading support topics…</source>
        <translation>正在載入支援主題…</translation>
    </message>
    <message>
        <source>What happens, since when, who is affected, what was tried</source>
        <translation>發生什麼狀況、從何時開始、影響哪些人、已嘗試哪些做法</translation>
    </message>
    <message>
        <source>e-mail addresses, separated by commas</source>
        <translation>電子郵件地址，以逗號分隔</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>標題(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Severity:</source>
        <translation>嚴重性(&amp;S)：</translation>
    </message>
    <message>
        <source>Ser&amp;vice:</source>
        <translation>服務(&amp;V)：</translation>
    </message>
    <message>
        <source>Partner support to&amp;pic (API):</source>
        <translation>合作夥伴支援主題 (API)(&amp;P)：</translation>
    </message>
    <message>
        <source>{0}: {1} {2}</source>
        <translation>{0}：{1} {2}</translation>
    </message>
    <message>
        <source>You are offline: nothing was sent. The draft is kept: once Partner Desk is online it files it, or, where Microsoft takes requests only in its web form, keeps it under Requests → Drafts… to file there.</source>
        <translation>您目前離線：未傳送任何內容。草稿已保留：Partner Desk 上線後會提交它；若 Microsoft 只接受透過其網頁表單提出的要求，則會保留在「要求 → 草稿…」中，供您在該處提交。</translation>
    </message>
    <message>
        <source>Open Microsoft&apos;s &amp;form</source>
        <translation>開啟 Microsoft 的表單(&amp;F)</translation>
    </message>
    <message>
        <source>Submit through the &amp;API (partner ticket)</source>
        <translation>透過 API 提交 (合作夥伴票證)(&amp;A)</translation>
    </message>
    <message>
        <source>Partner Center&apos;s create API files a ticket of your own with Microsoft that names the customer; offered while Microsoft still accepts it</source>
        <translation>Partner Center 的建立 API 會以您自己的名義向 Microsoft 提出註明該客戶的票證；僅在 Microsoft 仍接受時提供</translation>
    </message>
    <message>
        <source>&amp;Send when online</source>
        <translation>連線後送出(&amp;S)</translation>
    </message>
    <message>
        <source>Fix the fields marked above, then try again.</source>
        <translation>請修正上方標示的欄位，然後再試一次。</translation>
    </message>
    <message>
        <source>Copies the request&apos;s text and opens Microsoft&apos;s new-request page in the customer&apos;s context ({0})</source>
        <translation>複製要求的文字，並在客戶的租用戶環境中開啟 Microsoft 的新增要求頁面 ({0})</translation>
    </message>
    <message>
        <source>Offline: the draft is kept, to file once Partner Desk is online ({0})</source>
        <translation>離線：草稿已保留，待 Partner Desk 上線後提交 ({0})</translation>
    </message>
    <message>
        <source>There is no {0} form to open: {1}</source>
        <translation>沒有可開啟的 {0} 表單：{1}</translation>
    </message>
    <message>
        <source>{0} is open in your browser, in the customer&apos;s context.</source>
        <translation>已在您的瀏覽器中以客戶的租用戶環境開啟 {0}。</translation>
    </message>
    <message>
        <source>{0} did not open: the browser did not start. Open {1} yourself.</source>
        <translation>未開啟 {0}：瀏覽器未啟動。請自行開啟 {1}。</translation>
    </message>
    <message>
        <source>It may need a direct sign-in in this cloud.</source>
        <translation>在此雲端中可能需要直接登入。</translation>
    </message>
    <message>
        <source>The request&apos;s text is on the clipboard and your draft is kept. {0}
1. Paste the text into Microsoft&apos;s form and submit it.
2. Enter the request number Microsoft shows below and choose Mark as filed.</source>
        <translation>要求的文字已複製到剪貼簿，並已保留您的草稿。{0}
1. 將文字貼到 Microsoft 的表單中並提交。
2. 在下方輸入 Microsoft 顯示的要求編號，然後選擇 [標示為已提出]。</translation>
    </message>
    <message>
        <source>Not recorded; your draft is kept. {0}</source>
        <translation>未記錄；已保留您的草稿。{0}</translation>
    </message>
    <message>
        <source>Request {0} for {1} recorded as filed with Microsoft.</source>
        <translation>已將 {1} 的要求 {0} 記錄為已向 Microsoft 提出。</translation>
    </message>
    <message>
        <source>This draft is being sent by another Partner Desk window. Nothing was sent from here; your draft is kept.</source>
        <translation>另一個 Partner Desk 視窗正在送出此草稿。此處未送出任何內容；您的草稿仍會保留。</translation>
    </message>
    <message>
        <source>This draft was already filed as request {0}; it was not sent again.</source>
        <translation>此草稿已提交為服務要求 {0}；不會再次送出。</translation>
    </message>
    <message>
        <source>Partner ticket {0} filed with Microsoft (it names the customer).</source>
        <translation>已向 Microsoft 提出合作夥伴票證 {0} (其中註明該客戶)。</translation>
    </message>
    <message>
        <source>Draft “{0}” for {1} kept: {2} or Service requests → Drafts reopens it.</source>
        <translation>已保留 {1} 的草稿「{0}」：按 {2} 或在 [服務要求] → [草稿] 中可再次開啟。</translation>
    </message>
    <message>
        <source>Not marked to send; your draft is kept. {0}</source>
        <translation>未標示為待送出；已保留您的草稿。{0}</translation>
    </message>
    <message>
        <source>not in Microsoft&apos;s list yet</source>
        <translation>尚未出現在 Microsoft 的清單中</translation>
    </message>
    <message>
        <source>Microsoft accepted the request, but its number could not be read ({0}). Your draft is kept, marked as filed: nothing will be sent again. Submit later to look its number up.</source>
        <translation>Microsoft 已接受此要求，但無法讀取其編號（{0}）。已保留您的草稿並標示為已提出：不會再次傳送。請稍後再提交一次以查詢其編號。</translation>
    </message>
    <message>
        <source>The request may have reached Microsoft, and it could not be confirmed ({0}). Nothing more was sent; your draft is kept. Submit again later: Microsoft&apos;s list is checked before anything is sent.</source>
        <translation>此要求可能已送達 Microsoft，但無法確認（{0}）。未再傳送任何內容；已保留您的草稿。請稍後再提交：每次傳送前都會先檢查 Microsoft 的清單。</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>(無標題)</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>描述(&amp;D)：</translation>
    </message>
    <message>
        <source>Contact &amp;name:</source>
        <translation>連絡人姓名(&amp;N)：</translation>
    </message>
    <message>
        <source>Contact &amp;e-mail:</source>
        <translation>連絡人電子郵件(&amp;E)：</translation>
    </message>
    <message>
        <source>&amp;CC:</source>
        <translation>副本(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Keep as draft</source>
        <translation>保留為草稿(&amp;K)</translation>
    </message>
    <message>
        <source>Choose a support topic</source>
        <translation>選擇支援主題</translation>
    </message>
    <message>
        <source>The draft could not be saved: {0}</source>
        <translation>無法儲存草稿：{0}</translation>
    </message>
    <message>
        <source>Submitting to Microsoft…</source>
        <translation>正在提交給 Microsoft…</translation>
    </message>
    <message>
        <source>Microsoft no longer takes requests through the API.</source>
        <translation>Microsoft 已不再透過 API 接受要求。</translation>
    </message>
    <message>
        <source>Not filed; your draft is kept. {0}</source>
        <translation>未提出；已保留您的草稿。{0}</translation>
    </message>
    <message>
        <source>Open {0} in your browser ({1}).</source>
        <translation>請在瀏覽器中開啟 {0} ({1})。</translation>
    </message>
    <message>
        <source>Microsoft incident {0} ({1}) affects this customer.
{2}

</source>
        <translation>Microsoft 事件 {0} ({1}) 影響此客戶。
{2}

</translation>
    </message>
    <message>
        <source>advisory</source>
        <translation>公告</translation>
    </message>
    <message>
        <source>incident</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Suggested from Microsoft&apos;s {0} {1} ({2}): {3}. Change it if the impact at this customer differs.</source>
        <translation>依據 Microsoft 的{0} {1} ({2}) 建議：{3}。若此客戶受到的影響不同，請變更。</translation>
    </message>
    <message>
        <source>Contact: {0}</source>
        <translation>連絡人：{0}</translation>
    </message>
    <message>
        <source>Contact: {0} (from your account)</source>
        <translation>連絡人：{0} (來自您的帳戶)</translation>
    </message>
    <message>
        <source>Contact: the contact details of your Partner Center account</source>
        <translation>連絡人：您的 Partner Center 帳戶的連絡資訊</translation>
    </message>
</context>
<context>
    <name>NoticeCentre</name>
    <message>
        <source>Notices</source>
        <translation>通知</translation>
    </message>
    <message>
        <source>Partner Desk</source>
        <translation>Partner Desk</translation>
    </message>
    <message numerus="yes">
        <source>%n new notice(s)</source>
        <translation>
            <numerusform>%n 則新通知</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new service health notice(s)</source>
        <translation>
            <numerusform>%n 則新的服務健康情況通知</numerusform>
        </translation>
    </message>
    <message>
        <source>No new service health notices</source>
        <translation>沒有新的服務健康情況通知</translation>
    </message>
    <message>
        <source>No notices yet</source>
        <translation>尚無通知</translation>
    </message>
    <message>
        <source>Mark all as read</source>
        <translation>全部標示為已讀</translation>
    </message>
    <message>
        <source>Show Partner Desk</source>
        <translation>顯示 Partner Desk</translation>
    </message>
    <message>
        <source>Quit Partner Desk</source>
        <translation>結束 Partner Desk</translation>
    </message>
</context>
<context>
    <name>NoticeSettingsDialog</name>
    <message>
        <source>Notifications and refresh</source>
        <translation>通知與重新整理</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分鐘</translation>
    </message>
    <message>
        <source>Only by hand</source>
        <translation>僅手動</translation>
    </message>
    <message>
        <source>Refresh health every</source>
        <translation>健康情況重新整理間隔</translation>
    </message>
    <message>
        <source>Notify about</source>
        <translation>通知對象</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>永不</translation>
    </message>
    <message>
        <source>Notify about major changes whose action is due within</source>
        <translation>提前通知動作期限將至的主要變更</translation>
    </message>
    <message>
        <source>Message center: one notice per major change whose action date is this close, naming the customers it concerns.</source>
        <translation>訊息中心：動作期限在此天數內的每項主要變更各發出一則通知，並列出相關客戶。</translation>
    </message>
    <message>
        <source>Services to notify about</source>
        <translation>要通知的服務</translation>
    </message>
    <message>
        <source>Space checks or unchecks a service.</source>
        <translation>按空白鍵可勾選或取消勾選服務。</translation>
    </message>
    <message>
        <source>Services appear here after the first health check.</source>
        <translation>第一次健康情況檢查後，服務會顯示在這裡。</translation>
    </message>
    <message>
        <source>&amp;Refresh health every:</source>
        <translation>健康情況重新整理間隔(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Notify about:</source>
        <translation>通知對象(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Major changes due within:</source>
        <translation>提前通知主要變更(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;Services (all checked: every service, new ones too):</source>
        <translation>服務 (全部勾選：所有服務，包括新服務)(&amp;S)：</translation>
    </message>
</context>
<context>
    <name>Notices</name>
    <message numerus="yes">
        <source>Touches %Ln customer(s): </source>
        <translation>
            <numerusform>影響 %Ln 位客戶：</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n service health change(s)</source>
        <translation>
            <numerusform>%n 項服務健康情況變更</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{0}: {1} (%Ln customer(s))</source>
        <translation>
            <numerusform>{0}：{1} (%Ln 位客戶)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln customer(s)</source>
        <translation>
            <numerusform>%Ln 位客戶</numerusform>
        </translation>
    </message>
    <message>
        <source>action by {0}</source>
        <translation>{0} 前需採取動作</translation>
    </message>
    <message>
        <source>new {0}</source>
        <translation>新{0}</translation>
    </message>
    <message>
        <source>advisory</source>
        <translation>諮詢</translation>
    </message>
    <message>
        <source>incident</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Action due {0}: {1} {2}</source>
        <translation>動作期限 {0}：{1} {2}</translation>
    </message>
    <message>
        <source>New issue {0}: {1}</source>
        <translation>新問題 {0}：{1}</translation>
    </message>
    <message>
        <source>{0} changed: {1}</source>
        <translation>{0} 已變更：{1}</translation>
    </message>
</context>
<context>
    <name>OpenRequestsWindow</name>
    <message>
        <source>Service requests — all customers</source>
        <translation>服務要求 — 所有客戶</translation>
    </message>
    <message>
        <source>Open or needing attention</source>
        <translation>開啟或需要注意</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>任何狀態</translation>
    </message>
    <message>
        <source>Any severity</source>
        <translation>任何嚴重性</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>重新載入(&amp;R)</translation>
    </message>
    <message>
        <source>Request number, title or customer</source>
        <translation>要求編號、標題或客戶</translation>
    </message>
    <message>
        <source>Find a request</source>
        <translation>尋找要求</translation>
    </message>
    <message>
        <source>&amp;Find:</source>
        <translation>尋找(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>狀態(&amp;S)：</translation>
    </message>
    <message>
        <source>S&amp;everity:</source>
        <translation>嚴重性(&amp;E)：</translation>
    </message>
    <message>
        <source>Customers read</source>
        <translation>已讀取的客戶</translation>
    </message>
    <message>
        <source>%v of %m customers</source>
        <translation>%v / %m 位客戶</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>停止(&amp;T)</translation>
    </message>
    <message>
        <source>Service requests of all customers</source>
        <translation>所有客戶的服務要求</translation>
    </message>
    <message>
        <source>Your partner tickets with Microsoft</source>
        <translation>您向 Microsoft 提出的合作夥伴票證</translation>
    </message>
    <message>
        <source>Your own tickets with Microsoft (Partner Center&apos;s partner list), not a customer&apos;s. Customers&apos; requests are in the first tab.</source>
        <translation>您自己向 Microsoft 提出的票證 (Partner Center 的合作夥伴清單)，而非客戶的要求。客戶的要求位於第一個索引標籤。</translation>
    </message>
    <message>
        <source>Customers&apos; requests, your own, and whose could not be read</source>
        <translation>客戶的要求、您自己的票證，以及無法讀取的客戶</translation>
    </message>
    <message>
        <source>&amp;Customers&apos; requests</source>
        <translation>客戶的要求(&amp;C)</translation>
    </message>
    <message>
        <source>Your &amp;partner tickets with Microsoft</source>
        <translation>您向 Microsoft 提出的合作夥伴票證(&amp;P)</translation>
    </message>
    <message>
        <source>Not read last time</source>
        <translation>上次無法讀取</translation>
    </message>
    <message numerus="yes">
        <source>Could &amp;not be read (%n)</source>
        <translation>
            <numerusform>無法讀取 (%n)(&amp;N)</numerusform>
        </translation>
    </message>
    <message>
        <source>Could &amp;not be read</source>
        <translation>無法讀取(&amp;N)</translation>
    </message>
    <message>
        <source>Failed after %1 of %2 customers</source>
        <translation>已失敗，已讀取 %1 / %2 位客戶</translation>
    </message>
    <message numerus="yes">
        <source>(%n could not be read)</source>
        <translation>
            <numerusform>(%n 位無法讀取)</numerusform>
        </translation>
    </message>
    <message>
        <source>your partner tickets</source>
        <translation>您的合作夥伴票證</translation>
    </message>
    <message>
        <source>The customer first. The selected request&apos;s details follow; Enter opens its customer in the main window.</source>
        <translation>客戶在最前。下方顯示所選要求的詳細資料；按 Enter 鍵會在主視窗中開啟其客戶。</translation>
    </message>
    <message>
        <source>The selected request</source>
        <translation>所選的要求</translation>
    </message>
    <message>
        <source>Tickets your organisation filed with Microsoft about its own business. The selected ticket&apos;s details follow; Enter moves to them.</source>
        <translation>貴組織針對自身業務向 Microsoft 提出的票證。下方顯示所選票證的詳細資料；按 Enter 鍵會移至該處。</translation>
    </message>
    <message>
        <source>The selected partner ticket</source>
        <translation>所選的合作夥伴票證</translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation>{0}：{1}</translation>
    </message>
    <message>
        <source>service requests</source>
        <translation>服務要求</translation>
    </message>
    <message>
        <source>Stopped after %1 of %2 customers</source>
        <translation>已停止，已讀取 %1 / %2 位客戶</translation>
    </message>
    <message>
        <source>%1 of %2 customers read</source>
        <translation>已讀取 %1 / %2 位客戶</translation>
    </message>
    <message>
        <source>Reading %1 of %2 customers…</source>
        <translation>正在讀取 %1 / %2 位客戶…</translation>
    </message>
    <message>
        <source>%1 of %2 shown</source>
        <translation>顯示 %1 / %2</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客戶</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Customers whose requests could not be read</source>
        <translation>無法讀取其要求的客戶</translation>
    </message>
    <message>
        <source>Enter opens the customer in the main window.</source>
        <translation>按 Enter 會在主視窗中開啟該客戶。</translation>
    </message>
</context>
<context>
    <name>OverviewPane</name>
    <message>
        <source>profile</source>
        <translation>設定檔</translation>
    </message>
    <message>
        <source>Customer overview</source>
        <translation>客戶概觀</translation>
    </message>
    <message>
        <source>Which of your partner&apos;s security groups hold which roles in this customer</source>
        <translation>您合作夥伴的哪些安全性群組在此客戶中具有哪些角色</translation>
    </message>
    <message>
        <source>GDAP relationships</source>
        <translation>GDAP 關係</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <source>Tenant ID</source>
        <translation>租用戶識別碼</translation>
    </message>
    <message>
        <source>Initial domain</source>
        <translation>初始網域</translation>
    </message>
    <message>
        <source>Default domain</source>
        <translation>預設網域</translation>
    </message>
    <message>
        <source>Relationship</source>
        <translation>關係</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>電子郵件</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>電話</translation>
    </message>
    <message>
        <source>Other relationships</source>
        <translation>其他關係</translation>
    </message>
    <message numerus="yes">
        <source>%n more: Customers → GDAP relationships</source>
        <translation>
            <numerusform>還有 %n 個：客戶 → GDAP 關係</numerusform>
        </translation>
    </message>
    <message>
        <source>Security groups (active relationship)</source>
        <translation>安全性群組 (作用中的關係)</translation>
    </message>
    <message>
        <source>Security groups</source>
        <translation>安全性群組</translation>
    </message>
    <message>
        <source>None</source>
        <translation>無</translation>
    </message>
    <message>
        <source>%1 (you are a member)</source>
        <translation>%1 (您是成員)</translation>
    </message>
    <message>
        <source>Security group</source>
        <translation>安全性群組</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>附註</translation>
    </message>
    <message>
        <source>security groups</source>
        <translation>安全性群組</translation>
    </message>
    <message>
        <source>Hi&amp;de security groups</source>
        <translation>隱藏安全性群組(&amp;U)</translation>
    </message>
    <message>
        <source>GDAP relationship</source>
        <translation>GDAP 關係</translation>
    </message>
    <message>
        <source>Sho&amp;w security groups</source>
        <translation>顯示安全性群組(&amp;U)</translation>
    </message>
    <message>
        <source>Other relationship</source>
        <translation>其他關係</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>Ends</source>
        <translation>結束</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Not available in the {0}</source>
        <translation>{0} 不提供</translation>
    </message>
    <message>
        <source>Access</source>
        <translation>存取權</translation>
    </message>
    <message>
        <source>None: no relationship with this customer is active</source>
        <translation>無：與此客戶沒有作用中的關係</translation>
    </message>
    <message>
        <source>service health</source>
        <translation>服務健康情況</translation>
    </message>
    <message>
        <source>Service health</source>
        <translation>服務健康情況</translation>
    </message>
    <message>
        <source>Degraded services</source>
        <translation>降級的服務</translation>
    </message>
    <message numerus="yes">
        <source>%n of {0}</source>
        <translation>
            <numerusform>{0} 項中的 %n 項</numerusform>
        </translation>
    </message>
    <message>
        <source>Open incidents</source>
        <translation>未解決的事件</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>設定檔</translation>
    </message>
    <message>
        <source>Right now</source>
        <translation>目前狀況</translation>
    </message>
    <message>
        <source>Delegated access</source>
        <translation>委派存取</translation>
    </message>
</context>
<context>
    <name>Pane</name>
    <message>
        <source>Loading…</source>
        <extracomment>what the pane shows, for error titles (&quot;No GDAP access to this customer&apos;s …&quot;)</extracomment>
        <translation>正在載入…</translation>
    </message>
    <message>
        <source>Select a customer</source>
        <translation>選取客戶</translation>
    </message>
    <message>
        <source>Pick a customer on the left to see its details here.</source>
        <translation>在左側挑選客戶，即可在此查看其詳細資料。</translation>
    </message>
    <message>
        <source>Allow in this customer</source>
        <translation>在此客戶中允許</translation>
    </message>
    <message>
        <source>Open GDAP relationships</source>
        <translation>開啟 GDAP 關係</translation>
    </message>
    <message>
        <source>Allowing…</source>
        <translation>正在允許…</translation>
    </message>
    <message>
        <source>Allowing Partner Desk in {0}…</source>
        <translation>正在 {0} 中允許 Partner Desk…</translation>
    </message>
    <message>
        <source>Asking Partner Center to grant consent for the app in this customer, then waiting for Microsoft to apply it (usually a few seconds).</source>
        <translation>正在要求 Partner Center 在此客戶中為此應用程式授與同意，接著等待 Microsoft 套用 (通常只需幾秒鐘)。</translation>
    </message>
    <message>
        <source>Partner Center refused to grant consent: your GDAP roles in this customer cannot consent to apps. It takes Global Administrator, Privileged Role Administrator or Cloud Application Administrator, through a security group you belong to. Ask for such a role in the customer&apos;s GDAP relationship, or ask the customer&apos;s administrator to consent.</source>
        <translation>Partner Center 拒絕授與同意：您在此客戶中的 GDAP 角色無法同意應用程式。這需要透過您所屬的安全性群組取得 Global Administrator、Privileged Role Administrator 或 Cloud Application Administrator 角色。請在客戶的 GDAP 關係中要求這類角色，或請客戶的系統管理員授與同意。</translation>
    </message>
    <message>
        <source>Partner Desk is allowed in {0}.</source>
        <translation>已在 {0} 中允許 Partner Desk。</translation>
    </message>
    <message>
        <source>You cannot allow Partner Desk in this customer</source>
        <translation>您無法在此客戶中允許 Partner Desk</translation>
    </message>
    <message>
        <source>Partner Desk could not be allowed in this customer</source>
        <translation>無法在此客戶中允許 Partner Desk</translation>
    </message>
</context>
<context>
    <name>PartnerContextPanel</name>
    <message>
        <source>Normal</source>
        <translation>一般</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>資訊</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>嚴重</translation>
    </message>
    <message>
        <source>Action required</source>
        <translation>需要採取動作</translation>
    </message>
    <message>
        <source>For your awareness</source>
        <translation>僅供參考</translation>
    </message>
    <message>
        <source>Partner Center: partner-level context</source>
        <translation>Partner Center：合作夥伴層級的背景資訊</translation>
    </message>
    <message>
        <source>What Partner Center reports for your partner account as a whole: not any customer&apos;s health.</source>
        <translation>Partner Center 針對您整個合作夥伴帳戶回報的內容，而非任何客戶的健康情況。</translation>
    </message>
    <message>
        <source>Partner Center incidents and notices</source>
        <translation>Partner Center 事件與通知</translation>
    </message>
    <message>
        <source>Partner-level context for every customer; the selected one&apos;s text follows.</source>
        <translation>適用於所有客戶的合作夥伴層級背景資訊；接著是所選項目的內容。</translation>
    </message>
    <message>
        <source>Partner Center incident or notice</source>
        <translation>Partner Center 事件或通知</translation>
    </message>
    <message>
        <source>Select an incident or notice to read it.</source>
        <translation>選取事件或通知以閱讀其內容。</translation>
    </message>
    <message>
        <source>Not offered in the {0}.</source>
        <translation>{0} 未提供此功能。</translation>
    </message>
    <message>
        <source>partner incidents</source>
        <translation>合作夥伴事件</translation>
    </message>
    <message>
        <source>No open partner-level incidents or notices.</source>
        <translation>沒有未解決的合作夥伴層級事件或通知。</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) could not be read.</source>
        <translation>
            <numerusform>%n 個項目無法讀取。</numerusform>
        </translation>
    </message>
    <message>
        <source>act by {0}</source>
        <translation>{0} 前需採取動作</translation>
    </message>
    <message>
        <source>Message center · {0} · {1} ({2})</source>
        <translation>訊息中心 · {0} · {1} ({2})</translation>
    </message>
    <message>
        <source>Incident · {0} · {1} ({2}, {3})</source>
        <translation>事件 · {0} · {1} ({2}，{3})</translation>
    </message>
    <message>
        <source>Message center notice (partner-level)</source>
        <translation>訊息中心通知 (合作夥伴層級)</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>服務</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>類別</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>動作</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>嚴重性</translation>
    </message>
    <message>
        <source>Act by</source>
        <translation>動作期限</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>發佈日期</translation>
    </message>
    <message>
        <source>Service incident (partner-level)</source>
        <translation>服務事件 (合作夥伴層級)</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>開始時間</translation>
    </message>
    <message>
        <source>Customers affected (Partner Center)</source>
        <translation>受影響的客戶 (Partner Center 統計)</translation>
    </message>
</context>
<context>
    <name>PlannedChangesView</name>
    <message>
        <source>Check &amp;planned changes</source>
        <translation>檢查預定變更(&amp;P)</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>停止(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Major changes only</source>
        <translation>僅顯示主要變更(&amp;M)</translation>
    </message>
    <message>
        <source>Planned changes progress</source>
        <translation>預定變更讀取進度</translation>
    </message>
    <message>
        <source>Planned changes of every customer</source>
        <translation>所有客戶的預定變更</translation>
    </message>
    <message>
        <source>Each message center post once, those with an action date first, soonest first, with how many customers it concerns. The selected one follows.</source>
        <translation>每則訊息中心訊息只列出一次，有動作期限的在前，最快到期的在前，並列出相關的客戶數。接著是所選訊息。</translation>
    </message>
    <message>
        <source>No planned changes read yet: check them, or wait for the health check.</source>
        <translation>尚未讀取任何預定變更：請檢查預定變更，或等待健康情況檢查。</translation>
    </message>
    <message>
        <source>Planned change details</source>
        <translation>預定變更詳細資料</translation>
    </message>
    <message>
        <source>Customers it concerns</source>
        <translation>相關的客戶</translation>
    </message>
    <message>
        <source>Enter opens the customer in the main window.</source>
        <translation>按 Enter 鍵可在主視窗中開啟該客戶。</translation>
    </message>
    <message>
        <source>Reading message centers: %1 of %2 · %3 failed</source>
        <translation>正在讀取訊息中心：%1 / %2 · 失敗 %3</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message numerus="yes">
        <source>%n post(s)</source>
        <translation>
            <numerusform>%n 則訊息</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n with an action date</source>
        <translation>
            <numerusform>%n 則有動作期限</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s) read</source>
        <translation>
            <numerusform>已讀取 %n 位客戶</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n could not be read</source>
        <translation>
            <numerusform>%n 位無法讀取</numerusform>
        </translation>
    </message>
    <message>
        <source>read {0}</source>
        <translation>讀取時間：{0}</translation>
    </message>
</context>
<context>
    <name>PortalModel</name>
    <message>
        <source>Unavailable: %1</source>
        <translation>無法使用：%1</translation>
    </message>
    <message>
        <source>%1 (derived)</source>
        <translation>%1 (推測)</translation>
    </message>
</context>
<context>
    <name>PortalsPane</name>
    <message>
        <source>admin portals</source>
        <translation>系統管理入口網站</translation>
    </message>
    <message>
        <source>Admin portals</source>
        <translation>系統管理入口網站</translation>
    </message>
    <message>
        <source>Press Enter or double-click to open the portal in your browser.</source>
        <translation>按 Enter 鍵或按兩下，即可在瀏覽器中開啟入口網站。</translation>
    </message>
    <message>
        <source>Open in &amp;browser</source>
        <translation>在瀏覽器中開啟(&amp;B)</translation>
    </message>
    <message>
        <source>Unavailable: {0}</source>
        <translation>無法使用：{0}</translation>
    </message>
    <message>
        <source>Copied the link of {0}.</source>
        <translation>已複製 {0} 的連結。</translation>
    </message>
    <message>
        <source>{0} cannot be opened: {1}</source>
        <translation>無法開啟 {0}：{1}</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>尋找於(&amp;L)：</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>檔案型態(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>RecordTableModel</name>
    <message>
        <source>Name</source>
        <translation>名稱</translation>
    </message>
    <message>
        <source>Domain</source>
        <translation>網域</translation>
    </message>
    <message>
        <source>Relationship</source>
        <translation>關係</translation>
    </message>
    <message>
        <source>Tenant ID</source>
        <translation>租用戶識別碼</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>健康情況</translation>
    </message>
    <message>
        <source>GDAP</source>
        <translation>GDAP</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>標籤</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>識別碼</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>標題</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>服務</translation>
    </message>
    <message>
        <source>Classification</source>
        <translation>分類</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客戶</translation>
    </message>
    <message>
        <source>Last update</source>
        <translation>上次更新</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Ends</source>
        <translation>結束</translation>
    </message>
    <message>
        <source>Security group</source>
        <translation>安全性群組</translation>
    </message>
    <message>
        <source>You</source>
        <translation>您</translation>
    </message>
    <message>
        <source>Portal</source>
        <translation>入口網站</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>用途</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>連結</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>嚴重性</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>已建立</translation>
    </message>
    <message>
        <source>Last modified</source>
        <translation>上次修改</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客戶</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>類別</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>服務</translation>
    </message>
    <message>
        <source>Action required by</source>
        <translation>動作期限</translation>
    </message>
    <message>
        <source>Major change</source>
        <translation>主要變更</translation>
    </message>
</context>
<context>
    <name>RelationshipDetail</name>
    <message>
        <source>Selected relationship</source>
        <translation>選取的關係</translation>
    </message>
    <message>
        <source>&amp;Invitation link:</source>
        <translation>邀請連結(&amp;I)：</translation>
    </message>
    <message>
        <source>Invitation link</source>
        <translation>邀請連結</translation>
    </message>
    <message>
        <source>&amp;Copy link</source>
        <translation>複製連結(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Open in browser</source>
        <translation>在瀏覽器中開啟(&amp;O)</translation>
    </message>
    <message>
        <source>Open in a &amp;private window</source>
        <translation>在私密視窗中開啟(&amp;P)</translation>
    </message>
    <message>
        <source>Send this link to a Global Administrator of the customer: they approve the relationship in the Microsoft 365 admin center.</source>
        <translation>請將此連結傳送給客戶的 Global Administrator，由其在 Microsoft 365 admin center 中核准此關係。</translation>
    </message>
    <message>
        <source>Security groups and their roles</source>
        <translation>安全性群組及其角色</translation>
    </message>
    <message>
        <source>Security &amp;groups with roles in this relationship:</source>
        <translation>在此關係中具有角色的安全性群組(&amp;G)：</translation>
    </message>
    <message>
        <source>Choose a relationship to see its security groups.</source>
        <translation>請選擇關係以查看其安全性群組。</translation>
    </message>
    <message>
        <source>Relationship id: {0}</source>
        <translation>關係識別碼：{0}</translation>
    </message>
    <message>
        <source>Not yet sent for approval: finish the request in Partner Center, then the invitation link appears here.</source>
        <translation>尚未送出核准：請在 Partner Center 中完成要求，邀請連結就會顯示在這裡。</translation>
    </message>
    <message>
        <source>No invitation link in this cloud: send it from Partner Center.</source>
        <translation>此雲端沒有邀請連結：請從 Partner Center 傳送。</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在載入…</translation>
    </message>
    <message>
        <source>security groups</source>
        <translation>安全性群組</translation>
    </message>
    <message>
        <source>None yet: security groups get roles once the customer has approved the relationship and it is active.</source>
        <translation>尚無：客戶核准此關係且關係變為作用中後，安全性群組才會取得角色。</translation>
    </message>
    <message>
        <source>No security group has roles in this relationship.</source>
        <translation>此關係中沒有任何安全性群組具有角色。</translation>
    </message>
    <message>
        <source>Group names could not be read ({0}): groups are shown by object id. Partner Desk reads the names of your own groups with the Microsoft Graph permission User.Read in your partner tenant.</source>
        <translation>無法讀取群組名稱 ({0})：群組以物件識別碼顯示。Partner Desk 會使用您合作夥伴租用戶中的 Microsoft Graph 權限 User.Read 讀取您所屬群組的名稱。</translation>
    </message>
    <message>
        <source>You are in none of these groups: this relationship gives you no access. Groups you are not in are shown by object id.</source>
        <translation>您不屬於其中任何群組：此關係不會給予您任何存取權。您不屬於的群組會以物件識別碼顯示。</translation>
    </message>
    <message>
        <source>Groups you are not in are shown by object id: reading other groups&apos; names would need a directory permission Partner Desk does not ask for.</source>
        <translation>您不屬於的群組會以物件識別碼顯示：讀取其他群組的名稱需要目錄權限，而 Partner Desk 不會要求此權限。</translation>
    </message>
    <message numerus="yes">
        <source>%n assignment(s) could not be read (see the log).</source>
        <translation>
            <numerusform>%n 個指派無法讀取 (請參閱記錄檔)。</numerusform>
        </translation>
    </message>
    <message>
        <source>Invitation link copied.</source>
        <translation>已複製邀請連結。</translation>
    </message>
    <message>
        <source>Could not open the link: {0}</source>
        <translation>無法開啟連結：{0}</translation>
    </message>
    <message>
        <source>Opened the invitation in the browser.</source>
        <translation>已在瀏覽器中開啟邀請。</translation>
    </message>
</context>
<context>
    <name>RequestDesk</name>
    <message numerus="yes">
        <source>%n draft(s) kept while offline sent to Microsoft.</source>
        <translation>
            <numerusform>已將離線時保留的 %n 份草稿送交 Microsoft。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n draft(s) kept while offline still to file: Requests → Drafts…</source>
        <translation>
            <numerusform>離線時保留的 %n 份草稿仍待提出：[要求] → [草稿]…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RequestNumberBox</name>
    <message>
        <source>Microsoft&apos;s re&amp;quest number:</source>
        <translation>Microsoft 的要求編號(&amp;Q)：</translation>
    </message>
    <message>
        <source>as Microsoft&apos;s confirmation shows it</source>
        <translation>依 Microsoft 確認訊息中的顯示輸入</translation>
    </message>
    <message>
        <source>Microsoft&apos;s request number</source>
        <translation>Microsoft 的要求編號</translation>
    </message>
    <message>
        <source>Mark as fi&amp;led</source>
        <translation>標示為已提出(&amp;L)</translation>
    </message>
    <message>
        <source>Record Microsoft&apos;s request number; the draft is then removed</source>
        <translation>記錄 Microsoft 的要求編號；之後會移除草稿</translation>
    </message>
</context>
<context>
    <name>RequestsPane</name>
    <message>
        <source>service requests</source>
        <translation>服務要求</translation>
    </message>
    <message>
        <source>Service requests</source>
        <translation>服務要求</translation>
    </message>
    <message>
        <source>Service request details</source>
        <translation>服務要求詳細資料</translation>
    </message>
    <message>
        <source>&amp;New request…</source>
        <translation>新增要求(&amp;N)…</translation>
    </message>
    <message>
        <source>A&amp;dd note…</source>
        <translation>新增附註(&amp;D)…</translation>
    </message>
    <message>
        <source>Filed as a partner ticket through the API, #{0}: {1} ({2})</source>
        <translation>已透過 API 以合作夥伴票證提出，#{0}：{1} ({2})</translation>
    </message>
    <message>
        <source>Filed via Microsoft&apos;s web form, #{0}: {1} ({2})</source>
        <translation>已透過 Microsoft 的網頁表單提出，#{0}：{1} ({2})</translation>
    </message>
    <message>
        <source>— in Microsoft&apos;s list below</source>
        <translation>— 位於下方的 Microsoft 清單中</translation>
    </message>
    <message numerus="yes">
        <source>Dra&amp;fts (%n)</source>
        <translation>
            <numerusform>草稿 (%n)(&amp;F)</numerusform>
        </translation>
    </message>
    <message>
        <source>Not available in this cloud</source>
        <translation>此雲端不提供</translation>
    </message>
    <message>
        <source>Service requests are not offered in the {0}.</source>
        <translation>{0} 不提供服務要求。</translation>
    </message>
    <message>
        <source>No requests in Partner Center&apos;s list for this customer.</source>
        <translation>Partner Center 的清單中沒有此客戶的要求。</translation>
    </message>
    <message>
        <source>Nothing has been filed with Microsoft for this customer.</source>
        <translation>尚未針對此客戶向 Microsoft 提出任何要求。</translation>
    </message>
    <message>
        <source>Add a note</source>
        <translation>新增附註</translation>
    </message>
    <message>
        <source>Note for request {0} ({1}):</source>
        <translation>要求 {0} ({1}) 的附註：</translation>
    </message>
    <message>
        <source>The note was not added: {0}</source>
        <translation>未新增附註：{0}</translation>
    </message>
    <message>
        <source>Note added to request {0}.</source>
        <translation>已將附註新增至要求 {0}。</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>嚴重性</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>主題</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>連絡人</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>已建立</translation>
    </message>
    <message>
        <source>Last modified</source>
        <translation>上次修改</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已關閉</translation>
    </message>
    <message>
        <source>No notes yet.</source>
        <translation>尚無附註。</translation>
    </message>
    <message>
        <source>Notes (newest first)</source>
        <translation>附註 (最新的在前)</translation>
    </message>
    <message>
        <source>File a service request with Microsoft ({0})</source>
        <translation>向 Microsoft 提出服務要求 ({0})</translation>
    </message>
    <message>
        <source>The selected request&apos;s details and notes follow; {0} files a new one.</source>
        <translation>接著是所選要求的詳細資料與附註；按 {0} 可提出新要求。</translation>
    </message>
</context>
<context>
    <name>ReviewDownload</name>
    <message>
        <source>Save the post-incident review</source>
        <translation>儲存事件後報告</translation>
    </message>
    <message>
        <source>Word documents (*.docx)</source>
        <translation>Word 文件 (*.docx)</translation>
    </message>
    <message>
        <source>Downloading the post-incident review of {0}…</source>
        <translation>正在下載 {0} 的事件後報告…</translation>
    </message>
    <message>
        <source>The review could not be saved to {0}: {1}</source>
        <translation>無法將報告儲存至 {0}：{1}</translation>
    </message>
    <message>
        <source>%1 post-incident review.docx</source>
        <translation>%1 事件後報告.docx</translation>
    </message>
    <message>
        <source>Saved as {0}.</source>
        <translation>已儲存為 {0}。</translation>
    </message>
    <message>
        <source>Saved as {0}; no app could open it.</source>
        <translation>已儲存為 {0}；但沒有應用程式可以開啟它。</translation>
    </message>
    <message>
        <source>Download cancelled.</source>
        <translation>已取消下載。</translation>
    </message>
    <message>
        <source>Microsoft has not published the review yet. Try again later, or see the issue in the Microsoft 365 admin center.</source>
        <translation>Microsoft 尚未發佈此報告。請稍後再試，或在 Microsoft 365 admin center 中查看此問題。</translation>
    </message>
    <message>
        <source>The review of {0} was not downloaded: {1}</source>
        <translation>未下載 {0} 的報告：{1}</translation>
    </message>
    <message>
        <source>post-incident review</source>
        <translation>事件後報告</translation>
    </message>
    <message>
        <source>The review of {0} was not downloaded. {1}: {2}</source>
        <translation>未下載 {0} 的報告。{1}：{2}</translation>
    </message>
</context>
<context>
    <name>SafeTextBrowser</name>
    <message>
        <source>Copy link</source>
        <translation>複製連結</translation>
    </message>
    <message>
        <source>Open in a private window</source>
        <translation>在私密視窗中開啟</translation>
    </message>
</context>
<context>
    <name>ScopeBox</name>
    <message>
        <source>Scope</source>
        <translation>範圍</translation>
    </message>
    <message>
        <source>Show all customers, favourites or one tag</source>
        <translation>顯示所有客戶、我的最愛或單一標籤</translation>
    </message>
    <message>
        <source>Which customers: all, favourites, or those with a tag</source>
        <translation>哪些客戶：全部、我的最愛，或具有某個標籤的客戶</translation>
    </message>
    <message>
        <source>All customers</source>
        <translation>所有客戶</translation>
    </message>
    <message numerus="yes">
        <source>%1 Favourites (%Ln)</source>
        <translation>
            <numerusform>%1 我的最愛 (%Ln)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Tag: %1 (%Ln)</source>
        <translation>
            <numerusform>標籤：%1 (%Ln)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ServiceRequestModel</name>
    <message>
        <source>Critical (A)</source>
        <translation>嚴重 (A)</translation>
    </message>
    <message>
        <source>Moderate (B)</source>
        <translation>中等 (B)</translation>
    </message>
    <message>
        <source>Minimal (C)</source>
        <translation>輕微 (C)</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>開啟</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已關閉</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>需要注意</translation>
    </message>
    <message>
        <source>None</source>
        <translation>無</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in to Partner Center</source>
        <translation>登入 Partner Center</translation>
    </message>
    <message>
        <source>your partner tenant (optional)</source>
        <translation>您的合作夥伴租用戶 (選用)</translation>
    </message>
    <message>
        <source>&amp;Cloud:</source>
        <translation>雲端(&amp;C)：</translation>
    </message>
    <message>
        <source>Application (client) &amp;ID:</source>
        <translation>應用程式 (用戶端) 識別碼(&amp;I)：</translation>
    </message>
    <message>
        <source>&amp;Tenant:</source>
        <translation>租用戶(&amp;T)：</translation>
    </message>
    <message>
        <source>&lt;b&gt;First time?&lt;/b&gt; Partner Desk signs in with &lt;i&gt;your&lt;/i&gt; app registration:&lt;ol&gt;&lt;li&gt;In your partner tenant&apos;s Entra admin center, App registrations → New registration; account types: any organizational directory (multitenant), since it must also exist in each customer.&lt;/li&gt;&lt;li&gt;Authentication → Add a platform → Mobile and desktop applications, redirect URI &lt;code&gt;http://localhost&lt;/code&gt;; allow public client flows (for the device code). On Windows, the account broker also requires the redirect URI &lt;code&gt;ms-appx-web://Microsoft.AAD.BrokerPlugin/&amp;lt;client id&amp;gt;&lt;/code&gt;; without it Partner Desk signs in through the browser.&lt;/li&gt;&lt;li&gt;API permissions (delegated): Microsoft Partner Center &lt;code&gt;user_impersonation&lt;/code&gt;; Microsoft Graph &lt;code&gt;ServiceHealth.Read.All&lt;/code&gt;, &lt;code&gt;ServiceMessage.Read.All&lt;/code&gt;, &lt;code&gt;DelegatedAdminRelationship.Read.All&lt;/code&gt;, &lt;code&gt;User.Read&lt;/code&gt;. Grant admin consent.&lt;/li&gt;&lt;li&gt;Copy the Application (client) ID here.&lt;/li&gt;&lt;li&gt;Once signed in: Account → Allow Partner Desk in all customers.&lt;/li&gt;&lt;/ol&gt;US Government and China clouds need a registration in that cloud.</source>
        <translation>&lt;b&gt;第一次使用？&lt;/b&gt;Partner Desk 會使用&lt;i&gt;您自己的&lt;/i&gt;應用程式註冊登入：&lt;ol&gt;&lt;li&gt;在合作夥伴租用戶的 Microsoft Entra 系統管理中心：應用程式註冊 → 新增註冊；帳戶類型：任何組織目錄中的帳戶 (多租用戶)，因為應用程式也必須存在於每個客戶中。&lt;/li&gt;&lt;li&gt;驗證 → 新增平台 → 行動與桌面應用程式，重新導向 URI &lt;code&gt;http://localhost&lt;/code&gt;；允許公用用戶端流程 (用於裝置代碼)。在 Windows 上，帳戶代理程式還需要重新導向 URI &lt;code&gt;ms-appx-web://Microsoft.AAD.BrokerPlugin/&amp;lt;用戶端識別碼&amp;gt;&lt;/code&gt;；若未新增，Partner Desk 會透過瀏覽器登入。&lt;/li&gt;&lt;li&gt;API 權限 (委派)：Microsoft Partner Center &lt;code&gt;user_impersonation&lt;/code&gt;；Microsoft Graph &lt;code&gt;ServiceHealth.Read.All&lt;/code&gt;、&lt;code&gt;ServiceMessage.Read.All&lt;/code&gt;、&lt;code&gt;DelegatedAdminRelationship.Read.All&lt;/code&gt;、&lt;code&gt;User.Read&lt;/code&gt;。授與管理員同意。&lt;/li&gt;&lt;li&gt;將應用程式 (用戶端) 識別碼複製到這裡。&lt;/li&gt;&lt;li&gt;登入後：帳戶 → 在所有客戶中允許 Partner Desk。&lt;/li&gt;&lt;/ol&gt;美國政府雲端與中國雲端需要在該雲端中註冊。</translation>
    </message>
    <message>
        <source>Sign in with &amp;browser</source>
        <translation>使用瀏覽器登入(&amp;B)</translation>
    </message>
    <message>
        <source>Use a &amp;device code</source>
        <translation>使用裝置代碼(&amp;D)</translation>
    </message>
    <message>
        <source>Microsoft Cloud Deutschland closed on 29 October 2021; its customers moved to the global cloud.</source>
        <translation>Microsoft Cloud Deutschland 已於 2021 年 10 月 29 日關閉；其客戶已移轉至全球雲端。</translation>
    </message>
    <message>
        <source>The client id is a GUID like 00000000-0000-0000-0000-000000000000.</source>
        <translation>用戶端識別碼是 GUID，例如 00000000-0000-0000-0000-000000000000。</translation>
    </message>
    <message>
        <source>Admin portal links in this cloud may need a direct sign-in to the customer.</source>
        <translation>此雲端中的系統管理入口網站連結可能需要直接登入客戶租用戶。</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <source>Data source</source>
        <translation>資料來源</translation>
    </message>
    <message>
        <source>Health check progress</source>
        <translation>健康檢查進度</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>繼續</translation>
    </message>
    <message>
        <source>Check the customers the stopped health check had not reached</source>
        <translation>檢查已停止的健康情況檢查尚未檢查到的客戶</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>離線</translation>
    </message>
    <message>
        <source>Started with --offline: the data of the last live run, from the local cache ({0}). Nothing is sent to Microsoft.</source>
        <translation>以 --offline 啟動：顯示本機快取 ({0}) 中上次連線執行的資料。不會傳送任何資料給 Microsoft。</translation>
    </message>
    <message>
        <source>Sandbox data</source>
        <translation>沙箱資料</translation>
    </message>
    <message>
        <source>Sandbox data (external)</source>
        <translation>沙箱資料 (外部)</translation>
    </message>
    <message>
        <source>Sample data from the built-in sandbox at {0}. Sign in to work on your own customers.</source>
        <translation>來自內建沙箱 ({0}) 的範例資料。登入後即可處理您自己的客戶。</translation>
    </message>
    <message numerus="yes">
        <source>Health check started: %n customer(s)</source>
        <translation>
            <numerusform>健康檢查已開始：%n 位客戶</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Health: %1 / %2, %n failed</source>
        <translation>
            <numerusform>健康情況：%1 / %2，%n 個失敗</numerusform>
        </translation>
    </message>
    <message>
        <source>Health check failed after %1 of %2 customers</source>
        <translation>健康情況檢查在 %1 / %2 位客戶後失敗</translation>
    </message>
    <message>
        <source>Health check stopped after %1 of %2 customers</source>
        <translation>健康情況檢查已在 %1 / %2 位客戶後停止</translation>
    </message>
    <message>
        <source>Health check failed</source>
        <translation>健康情況檢查失敗</translation>
    </message>
    <message>
        <source>Health check stopped</source>
        <translation>已停止健康情況檢查</translation>
    </message>
    <message numerus="yes">
        <source>Health checked at {0}; next in %n min</source>
        <translation>
            <numerusform>已於 {0} 檢查健康情況；%n 分鐘後再次檢查</numerusform>
        </translation>
    </message>
    <message>
        <source>Health checked at {0}</source>
        <translation>已於 {0} 檢查健康情況</translation>
    </message>
    <message>
        <source>Offline: health as of the last check</source>
        <translation>離線：上次檢查時的健康情況</translation>
    </message>
</context>
<context>
    <name>TagsDialog</name>
    <message>
        <source>Tags of {0}</source>
        <translation>{0} 的標籤</translation>
    </message>
    <message>
        <source>Tags, separated by commas (for example: VIP, Berlin office). Empty for none.</source>
        <translation>標籤，以逗號分隔 (例如：VIP, 台北辦公室)。留空表示沒有標籤。</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>標籤</translation>
    </message>
</context>
<context>
    <name>UnsavedBanner</name>
    <message>
        <source>Drafts cannot be saved: {0} cannot be written ({1}). Drafts you write now are kept only until Partner Desk closes: file or copy them before.</source>
        <translation>無法儲存草稿：無法寫入 {0}（{1}）。您現在撰寫的草稿只會保留到 Partner Desk 關閉為止：請在關閉前提交或複製。</translation>
    </message>
    <message>
        <source>Tags are not kept: {0} cannot be written ({1}).</source>
        <translation>不會保留標籤：無法寫入 {0}（{1}）。</translation>
    </message>
    <message>
        <source>Nothing is cached for offline use: {0} cannot be written ({1}).</source>
        <translation>不會快取任何資料供離線使用：無法寫入 {0}（{1}）。</translation>
    </message>
    <message>
        <source>Free space on that disk, then restart Partner Desk.</source>
        <translation>請釋放該磁碟的空間，然後重新啟動 Partner Desk。</translation>
    </message>
    <message>
        <source>Make the folder writable (or set PARTNER_DESK_HOME to one that is), then restart Partner Desk.</source>
        <translation>請讓該資料夾可寫入 (或將 PARTNER_DESK_HOME 設為可寫入的資料夾)，然後重新啟動 Partner Desk。</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未儲存</translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation>權限不足</translation>
    </message>
    <message>
        <source>read-only file system</source>
        <translation>唯讀檔案系統</translation>
    </message>
    <message>
        <source>no space left on the disk</source>
        <translation>磁碟空間不足</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>磁碟已滿</translation>
    </message>
    <message>
        <source>permission denied or read-only</source>
        <translation>權限不足或唯讀</translation>
    </message>
    <message>
        <source>a file is in the way</source>
        <translation>路徑上有同名檔案</translation>
    </message>
</context>
<context>
    <name>Words</name>
    <message numerus="yes">
        <source>%n service(s) not operational</source>
        <extracomment>Nothing to say yet (not loaded) or at all.</extracomment>
        <translation>
            <numerusform>%n 項服務未正常運作</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n active issue(s)</source>
        <translation>
            <numerusform>%n 個作用中問題</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Expires in %n day(s)</source>
        <translation>
            <numerusform>%n 天後到期</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Extends automatically by %n day(s)</source>
        <translation>
            <numerusform>自動延長 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <source>OK</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Advisory</source>
        <translation>諮詢</translation>
    </message>
    <message>
        <source>Degraded</source>
        <translation>降級</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>停止運作</translation>
    </message>
    <message>
        <source>No access</source>
        <translation>無存取權</translation>
    </message>
    <message>
        <source>Not allowed</source>
        <translation>未允許</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>錯誤</translation>
    </message>
    <message>
        <source>Operational</source>
        <translation>運作中</translation>
    </message>
    <message>
        <source>Interrupted</source>
        <translation>服務中斷</translation>
    </message>
    <message>
        <source>Restoring service</source>
        <translation>正在還原服務</translation>
    </message>
    <message>
        <source>Extended recovery</source>
        <translation>延長復原</translation>
    </message>
    <message>
        <source>Investigating</source>
        <translation>調查中</translation>
    </message>
    <message>
        <source>Verifying fix</source>
        <translation>正在驗證修正</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>已還原</translation>
    </message>
    <message>
        <source>Post-incident report published</source>
        <translation>已發佈事件後報告</translation>
    </message>
    <message>
        <source>False positive</source>
        <translation>誤判</translation>
    </message>
    <message>
        <source>Investigation suspended</source>
        <translation>已暫停調查</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>已解決</translation>
    </message>
    <message>
        <source>Mitigated</source>
        <translation>已緩解</translation>
    </message>
    <message>
        <source>Mitigated (external)</source>
        <translation>已緩解 (外部)</translation>
    </message>
    <message>
        <source>Resolved (external)</source>
        <translation>已解決 (外部)</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>已確認</translation>
    </message>
    <message>
        <source>Reported</source>
        <translation>已回報</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>作用中</translation>
    </message>
    <message>
        <source>Expiring</source>
        <translation>即將到期</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>已過期</translation>
    </message>
    <message>
        <source>Terminated</source>
        <translation>已終止</translation>
    </message>
    <message>
        <source>Terminating</source>
        <translation>正在終止</translation>
    </message>
    <message>
        <source>Termination requested</source>
        <translation>已要求終止</translation>
    </message>
    <message>
        <source>Awaiting approval</source>
        <translation>等待核准</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>已核准</translation>
    </message>
    <message>
        <source>Activating</source>
        <translation>正在啟用</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>已建立</translation>
    </message>
    <message>
        <source>Other status</source>
        <translation>其他狀態</translation>
    </message>
    <message>
        <source>No GDAP</source>
        <translation>無 GDAP</translation>
    </message>
    <message>
        <source>No active GDAP relationship: health, incidents and delegated admin portals of this customer are not available to you.</source>
        <translation>沒有作用中的 GDAP 關係：您無法使用此客戶的服務健康情況、事件與委派系統管理入口網站。</translation>
    </message>
    <message>
        <source>Expires today</source>
        <translation>今天到期</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>Partner Desk is not yet allowed in this customer</source>
        <translation>尚未在此客戶中允許 Partner Desk</translation>
    </message>
    <message>
        <source>Partner Desk needs to be allowed again in this customer</source>
        <translation>需要在此客戶中重新允許 Partner Desk</translation>
    </message>
    <message>
        <source>Partner Desk was allowed in this customer before it read the message center, so its consent there lacks that permission (ServiceMessage.Read.All). Service health still works. Allowing it again replaces the old consent; it takes a GDAP role in this customer that can consent to apps: Global Administrator, Privileged Role Administrator or Cloud Application Administrator.</source>
        <translation>Partner Desk 在開始讀取訊息中心之前就已在此客戶中獲得允許，因此該處的同意缺少此權限 (ServiceMessage.Read.All)。服務健康情況仍可正常運作。重新允許會取代舊的同意；這需要您在此客戶中具備可同意應用程式的 GDAP 角色：Global Administrator、Privileged Role Administrator 或 Cloud Application Administrator。</translation>
    </message>
    <message>
        <source>Your account has no access to this customer&apos;s tenant: no GDAP relationship covers you.</source>
        <translation>您的帳戶無法存取此客戶的租用戶：沒有任何 GDAP 關係涵蓋您。</translation>
    </message>
    <message>
        <source>No GDAP access to this customer&apos;s {0}</source>
        <translation>沒有此客戶{0}的 GDAP 存取權</translation>
    </message>
    <message>
        <source>data</source>
        <translation>資料</translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation>發生錯誤</translation>
    </message>
    <message>
        <source>An unexpected error occurred: {0}. The details are in the log.</source>
        <translation>發生未預期的錯誤：{0}。詳細資料記錄在記錄檔中。</translation>
    </message>
    <message>
        <source>Too many requests for this tenant. Try again later.</source>
        <translation>此租用戶的要求過多。請稍後再試一次。</translation>
    </message>
    <message>
        <source>Too many requests for this tenant, and the service asked to wait a day or more. Try again later.</source>
        <translation>此租用戶的要求過多，且服務要求等待一天以上。請稍後再試一次。</translation>
    </message>
    <message>
        <source>Too many requests for this tenant. Try again at {0}.</source>
        <translation>此租用戶的要求過多。請於 {0} 再試一次。</translation>
    </message>
    <message>
        <source>The cached copy could not be read</source>
        <translation>無法讀取快取的副本</translation>
    </message>
    <message>
        <source>The {0} kept in the local cache could not be read: the cache file was damaged or changed outside Partner Desk. Start Partner Desk without --offline to load it again.</source>
        <translation>無法讀取本機快取中保存的{0}：快取檔案已損毀，或在 Partner Desk 之外遭到變更。請不使用 --offline 啟動 Partner Desk 以重新載入。</translation>
    </message>
    <message>
        <source>Not available offline</source>
        <translation>離線時無法使用</translation>
    </message>
    <message>
        <source>Request id: {0}</source>
        <translation>要求識別碼：{0}</translation>
    </message>
    <message>
        <source>Partner Desk was started with --offline, and the local cache has no saved copy of the {0}. Start it without --offline to load it.</source>
        <translation>Partner Desk 以 --offline 啟動，而本機快取中沒有已儲存的{0}副本。請不使用 --offline 啟動以載入資料。</translation>
    </message>
    <message>
        <source>Ask the customer to approve a GDAP relationship with a role that can read this, and make sure your account is in the security group assigned to it in Partner Center.</source>
        <translation>請客戶核准一個具有可讀取此內容之角色的 GDAP 關係，並確認您的帳戶屬於在 Partner Center 中獲指派該角色的安全性群組。</translation>
    </message>
    <message>
        <source>Ask the customer to approve a GDAP relationship that includes one of these roles: {0}. Make sure your account is in the security group assigned to it in Partner Center.</source>
        <translation>請客戶核准一個包含下列其中一個角色的 GDAP 關係：{0}，並確認您的帳戶屬於在 Partner Center 中獲指派該角色的安全性群組。</translation>
    </message>
    <message>
        <source>Sign-in needed</source>
        <translation>需要登入</translation>
    </message>
    <message>
        <source>The service did not accept your sign-in. Sign in again and retry.</source>
        <translation>服務不接受您的登入。請重新登入後再試一次。</translation>
    </message>
    <message>
        <source>Access denied</source>
        <translation>拒絕存取</translation>
    </message>
    <message>
        <source>Partner Center refused this for your account: {0}</source>
        <translation>Partner Center 拒絕了您帳戶的這項操作：{0}</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>找不到</translation>
    </message>
    <message>
        <source>Microsoft is throttling requests</source>
        <translation>Microsoft 正在節流要求</translation>
    </message>
    <message>
        <source>Too many requests for this tenant. Try again in {0} seconds.</source>
        <translation>此租用戶的要求過多。請在 {0} 秒後再試一次。</translation>
    </message>
    <message>
        <source>Could not reach the service</source>
        <translation>無法連線到服務</translation>
    </message>
    <message>
        <source>Microsoft gives Partner Desk no access to this customer&apos;s tenant until consent is granted for the app there (GDAP). Granting it takes a GDAP role in this customer that can consent to apps: Global Administrator, Privileged Role Administrator or Cloud Application Administrator.</source>
        <translation>在此客戶的租用戶中授與應用程式同意 (GDAP) 之前，Microsoft 不會讓 Partner Desk 存取該租用戶。若要授與同意，您需要在此客戶中具備可同意應用程式的 GDAP 角色：Global Administrator、Privileged Role Administrator 或 Cloud Application Administrator。</translation>
    </message>
    <message>
        <source>Check the network connection, then retry. ({0})</source>
        <translation>請檢查網路連線，然後再試一次。({0})</translation>
    </message>
    <message>
        <source>Your partner account has no delegated admin role in this customer&apos;s tenant for this.</source>
        <translation>您的合作夥伴帳戶在此客戶的租用戶中沒有執行此作業所需的委派系統管理員角色。</translation>
    </message>
    <message>
        <source>The service sent an answer that could not be read</source>
        <translation>服務傳回的回應無法讀取</translation>
    </message>
    <message>
        <source>The service reported an error</source>
        <translation>服務回報了錯誤</translation>
    </message>
</context>
<context>
    <name>filing</name>
    <message>
        <source>Critical business impact: a service is down or unusable for many users, with no workaround.</source>
        <extracomment>The translation context of this module&apos;s texts: the dialog shows them translated (`QCoreApplication.translate(TR_CONTEXT, text)`), the command line as they are.</extracomment>
        <translation>重大業務影響：服務停止運作或許多使用者無法使用，且沒有因應措施。</translation>
    </message>
    <message>
        <source>Significant impact: a feature is impaired or degraded, a workaround may exist.</source>
        <translation>顯著影響：功能受損或降級，可能有因應措施。</translation>
    </message>
    <message>
        <source>Minimal impact: a question, a minor problem or an inconvenience.</source>
        <translation>輕微影響：疑問、小問題或不便。</translation>
    </message>
    <message>
        <source>What we see at the customer:</source>
        <translation>我們在客戶端觀察到的情況：</translation>
    </message>
    <message>
        <source>[what users see, error messages, since when]</source>
        <translation>[使用者看到的情況、錯誤訊息、開始時間]</translation>
    </message>
    <message>
        <source>Who is affected:</source>
        <translation>受影響的對象：</translation>
    </message>
    <message>
        <source>[how many users, which sites or services]</source>
        <translation>[多少使用者、哪些據點或服務]</translation>
    </message>
    <message>
        <source>What was tried:</source>
        <translation>已嘗試的處理：</translation>
    </message>
    <message>
        <source>[steps taken so far, and what they changed]</source>
        <translation>[目前已採取的步驟及其結果]</translation>
    </message>
    <message>
        <source>Microsoft offers no such support form in this cloud.</source>
        <translation>Microsoft 在此雲端中未提供此類支援表單。</translation>
    </message>
    <message>
        <source>Microsoft&apos;s request numbers are {0} to {1} digits, as the confirmation shows them.</source>
        <translation>Microsoft 的要求編號為 {0} 到 {1} 位數，與確認訊息中顯示的相同。</translation>
    </message>
    <message>
        <source>Enter a title that says what is wrong.</source>
        <translation>請輸入說明問題的標題。</translation>
    </message>
    <message>
        <source>The title has {0} characters; {1} at most.</source>
        <translation>標題有 {0} 個字元；最多 {1} 個。</translation>
    </message>
    <message>
        <source>The title contains control characters.</source>
        <translation>標題包含控制字元。</translation>
    </message>
    <message>
        <source>Choose critical, moderate or minimal.</source>
        <translation>請選擇嚴重、中等或輕微。</translation>
    </message>
    <message>
        <source>Choose the support topic closest to the problem.</source>
        <translation>請選擇最接近問題的支援主題。</translation>
    </message>
    <message>
        <source>Describe the problem in at least {0} characters: what happens, since when, who is affected.</source>
        <translation>請以至少 {0} 個字元描述問題：發生什麼狀況、從何時開始、影響哪些人。</translation>
    </message>
    <message>
        <source>The description is longer than {0} characters.</source>
        <translation>描述超過 {0} 個字元。</translation>
    </message>
    <message>
        <source>Fill in these sections of the description: {0}.</source>
        <translation>請填寫描述中的這些段落：{0}。</translation>
    </message>
    <message>
        <source>“{0}” is not an e-mail address.</source>
        <translation>「{0}」不是電子郵件地址。</translation>
    </message>
    <message>
        <source>Not an e-mail address: {0}.</source>
        <translation>不是電子郵件地址：{0}。</translation>
    </message>
    <message>
        <source>{0} addresses; {1} at most.</source>
        <translation>{0} 個地址；最多 {1} 個。</translation>
    </message>
</context>
<context>
    <name>links</name>
    <message>
        <source>The browser did not open</source>
        <translation>瀏覽器未開啟</translation>
    </message>
    <message>
        <source>Partner Desk could not open {0} in your browser: no browser started. Copy the link and open it in a browser yourself.</source>
        <translation>Partner Desk 無法在您的瀏覽器中開啟 {0}：沒有瀏覽器啟動。請複製連結，自行在瀏覽器中開啟。</translation>
    </message>
    <message>
        <source>Partner Desk could not open the link in your browser: no browser started. Copy the link and open it in a browser yourself.</source>
        <translation>Partner Desk 無法在您的瀏覽器中開啟連結：沒有瀏覽器啟動。請複製連結，自行在瀏覽器中開啟。</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>連結</translation>
    </message>
    <message>
        <source>&amp;Copy link</source>
        <translation>複製連結(&amp;C)</translation>
    </message>
    <message>
        <source>Link copied.</source>
        <translation>已複製連結。</translation>
    </message>
    <message>
        <source>{0} was not opened: {1}</source>
        <translation>未開啟 {0}：{1}</translation>
    </message>
    <message>
        <source>The link was not opened: {0}</source>
        <translation>未開啟連結：{0}</translation>
    </message>
    <message>
        <source>{0} was not opened: the browser did not start.</source>
        <translation>未開啟 {0}：瀏覽器未啟動。</translation>
    </message>
    <message>
        <source>The link was not opened: the browser did not start.</source>
        <translation>未開啟連結：瀏覽器未啟動。</translation>
    </message>
    <message>
        <source>Opened {0} in a private window.</source>
        <translation>已在私密視窗中開啟 {0}。</translation>
    </message>
    <message>
        <source>Opened in a private window.</source>
        <translation>已在私密視窗中開啟。</translation>
    </message>
    <message>
        <source>Opened {0} in your browser.</source>
        <translation>已在您的瀏覽器中開啟 {0}。</translation>
    </message>
    <message>
        <source>Opened in your browser.</source>
        <translation>已在您的瀏覽器中開啟。</translation>
    </message>
    <message>
        <source>Open in a &amp;private window</source>
        <translation>在私密視窗中開啟(&amp;P)</translation>
    </message>
    <message>
        <source>Open in a private window (your default browser is not one we know)</source>
        <translation>在私密視窗中開啟 (不支援您的預設瀏覽器)</translation>
    </message>
</context>
<context>
    <name>portals</name>
    <message>
        <source>May need a direct sign-in in this cloud.</source>
        <extracomment>The translation context of the texts below. A link&apos;s notes (`PortalLink.note` joins those that apply with a space).</extracomment>
        <translation>在此雲端中可能需要直接登入。</translation>
    </message>
    <message>
        <source>Microsoft&apos;s own link for this customer.</source>
        <translation>Microsoft 為此客戶提供的連結。</translation>
    </message>
    <message>
        <source>Address derived from the tenant name.</source>
        <translation>此位址是從租用戶名稱推測而來。</translation>
    </message>
    <message>
        <source>SharePoint address unknown: no initial domain</source>
        <extracomment>Why the SharePoint link is missing (a link&apos;s `error`; other errors stay English).</extracomment>
        <translation>SharePoint 位址不明：沒有初始網域</translation>
    </message>
    <message>
        <source>{0}, as linked by {1}.</source>
        <extracomment>The purpose of a link from Microsoft&apos;s own answer: its name, and who gave it (a *_SOURCE).</extracomment>
        <translation>{0}，由 {1} 提供的連結。</translation>
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
        <translation>Microsoft 365 系統管理中心</translation>
    </message>
    <message>
        <source>Users, licences, billing, domains and the tenant&apos;s settings.</source>
        <translation>使用者、授權、帳單、網域與租用戶的設定。</translation>
    </message>
    <message>
        <source>Exchange admin center</source>
        <translation>Exchange 系統管理中心</translation>
    </message>
    <message>
        <source>Mailboxes, mail flow rules, connectors and message trace.</source>
        <translation>信箱、郵件流程規則、連接器與訊息追蹤。</translation>
    </message>
    <message>
        <source>Microsoft Entra admin center</source>
        <translation>Microsoft Entra 系統管理中心</translation>
    </message>
    <message>
        <source>Sign-in, conditional access, users, groups and app registrations.</source>
        <translation>登入、條件式存取、使用者、群組與應用程式註冊。</translation>
    </message>
    <message>
        <source>Microsoft Teams admin center</source>
        <translation>Microsoft Teams 系統管理中心</translation>
    </message>
    <message>
        <source>Teams policies, meetings, calling and devices.</source>
        <translation>Teams 原則、會議、通話與裝置。</translation>
    </message>
    <message>
        <source>Azure portal</source>
        <translation>Azure 入口網站</translation>
    </message>
    <message>
        <source>Azure subscriptions, resources and their health.</source>
        <translation>Azure 訂用帳戶、資源及其健康情況。</translation>
    </message>
    <message>
        <source>Microsoft Intune admin center</source>
        <translation>Microsoft Intune 系統管理中心</translation>
    </message>
    <message>
        <source>Device enrolment, compliance and app deployment.</source>
        <translation>裝置註冊、合規性與應用程式部署。</translation>
    </message>
    <message>
        <source>Microsoft Defender portal</source>
        <translation>Microsoft Defender 入口網站</translation>
    </message>
    <message>
        <source>Security incidents, alerts, email and endpoint protection.</source>
        <translation>安全性事件、警示、電子郵件與端點保護。</translation>
    </message>
    <message>
        <source>Microsoft Purview portal</source>
        <translation>Microsoft Purview 入口網站</translation>
    </message>
    <message>
        <source>Compliance, retention, data loss prevention and audit.</source>
        <translation>合規性、保留、資料外洩防護與稽核。</translation>
    </message>
    <message>
        <source>Power Platform admin center</source>
        <translation>Power Platform 系統管理中心</translation>
    </message>
    <message>
        <source>Environments, Dataverse and Power Apps / Power Automate policies.</source>
        <translation>環境、Dataverse 與 Power Apps / Power Automate 原則。</translation>
    </message>
    <message>
        <source>Power BI admin portal</source>
        <translation>Power BI 系統管理入口網站</translation>
    </message>
    <message>
        <source>Power BI tenant settings, capacities and usage.</source>
        <translation>Power BI 租用戶設定、容量與使用量。</translation>
    </message>
    <message>
        <source>SharePoint admin center</source>
        <translation>SharePoint 系統管理中心</translation>
    </message>
    <message>
        <source>Sites, sharing settings and storage for SharePoint and OneDrive.</source>
        <translation>SharePoint 與 OneDrive 的網站、共用設定與儲存空間。</translation>
    </message>
    <message>
        <source>Service health (admin center)</source>
        <translation>服務健康情況 (系統管理中心)</translation>
    </message>
    <message>
        <source>Microsoft&apos;s own service health page for this customer.</source>
        <translation>Microsoft 為此客戶提供的服務健康情況頁面。</translation>
    </message>
    <message>
        <source>Microsoft 365 admin center: new service request</source>
        <translation>Microsoft 365 系統管理中心：新增服務要求</translation>
    </message>
    <message>
        <source>Azure portal: new support request</source>
        <translation>Azure 入口網站：新增支援要求</translation>
    </message>
</context>
</TS>
