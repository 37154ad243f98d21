{{/* Chart name, possibly overridden. */}}
{{- define "marketpipe.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Release-wide name prefix of every object. */}}
{{- define "marketpipe.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/* Name of one component's objects: <fullname>-<component>. Call with (dict "root" $ "component" "loader"). */}}
{{- define "marketpipe.componentName" -}}
{{- printf "%s-%s" (include "marketpipe.fullname" .root | trunc 50 | trimSuffix "-") .component }}
{{- end }}

{{/* Labels of every object. */}}
{{- define "marketpipe.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
app.kubernetes.io/name: {{ include "marketpipe.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: marketpipe
{{- with .Values.commonLabels }}
{{ toYaml . }}
{{- end }}
{{- end }}

{{/* Selector labels of one component. Call with (dict "root" $ "component" "loader"). */}}
{{- define "marketpipe.selectorLabels" -}}
app.kubernetes.io/name: {{ include "marketpipe.name" .root }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end }}

{{/* All labels of one component's objects. */}}
{{- define "marketpipe.componentLabels" -}}
{{ include "marketpipe.labels" .root }}
app.kubernetes.io/component: {{ .component }}
{{- end }}

{{- define "marketpipe.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "marketpipe.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/* HTTP port of each service (application.properties' quarkus.http.port; kept in the container too). */}}
{{- define "marketpipe.port" -}}
{{- get (dict "collector" 8081 "archive" 8082 "validator" 8083 "loader" 8084 "console" 8085 "simulator" 8089) . }}
{{- end }}

{{/* The management port (health, metrics) of a stage or the console (quarkus.management.port); the simulator has none. */}}
{{- define "marketpipe.managementPort" -}}
{{- get (dict "collector" 9081 "archive" 9082 "validator" 9083 "loader" 9084 "console" 9085) . }}
{{- end }}

{{/* In-cluster base URL of a component's Service. Call with (dict "root" $ "component" "loader"). */}}
{{- define "marketpipe.url" -}}
{{- $scheme := and .root.Values.tls.enabled (ne .component "simulator") | ternary "https" "http" -}}
{{- printf "%s://%s:%s" $scheme (include "marketpipe.componentName" .) (include "marketpipe.port" .component) }}
{{- end }}

{{/* The Secret with the stages' TLS certificate: tls.existingSecret, else <fullname>-tls. */}}
{{- define "marketpipe.tlsSecretName" -}}
{{- .Values.tls.existingSecret | default (printf "%s-tls" (include "marketpipe.fullname" .)) -}}
{{- end }}

{{/* HTTPS on a stage's API port and its REST clients to the next stages trusting ca.crt (profile tls, docs/SECURITY.md). */}}
{{- define "marketpipe.tlsEnv" -}}
- name: QUARKUS_PROFILE
  value: prod,tls
- name: MARKETPIPE_TLS_CERT
  value: /etc/marketpipe/tls/tls.crt
- name: MARKETPIPE_TLS_KEY
  value: /etc/marketpipe/tls/tls.key
- name: MARKETPIPE_TLS_CA
  value: /etc/marketpipe/tls/ca.crt
{{- end }}

{{/* Image reference of a component's values. */}}
{{- define "marketpipe.image" -}}
{{- printf "%s:%s" .values.image.repository (default .root.Chart.AppVersion .values.image.tag) }}
{{- end }}

{{/* One env entry taken from a key of an existing Secret. */}}
{{- define "marketpipe.secretEnv" -}}
- name: {{ .name }}
  valueFrom:
    secretKeyRef:
      name: {{ .secret }}
      key: {{ .key }}
{{- end }}

{{/* The CloudNativePG Cluster of postgresql.cloudnativepg: <fullname>-postgresql. */}}
{{- define "marketpipe.cnpgName" -}}
{{- printf "%s-postgresql" (include "marketpipe.fullname" . | trunc 40 | trimSuffix "-") }}
{{- end }}

{{/* Adds the database's URL and user to a component's settings (collector and loader): the CloudNativePG Cluster's
read-write Service when postgresql.cloudnativepg.enabled (the user then comes from its Secret), else database.*. */}}
{{- define "marketpipe.databaseSettings" -}}
{{- $cnpg := .root.Values.postgresql.cloudnativepg -}}
{{- if $cnpg.enabled }}
{{- $_ := set .settings "MARKETPIPE_DB_URL" (printf "jdbc:postgresql://%s-rw:5432/%s" (include "marketpipe.cnpgName" .root) $cnpg.database) -}}
{{- else }}
{{- $_ := set .settings "MARKETPIPE_DB_URL" .root.Values.database.url -}}
{{- $_ := set .settings "MARKETPIPE_DB_USER" .root.Values.database.username -}}
{{- end }}
{{- end }}

{{/* The database env entries (collector and loader): the user and password of the CloudNativePG Cluster's
<cluster>-app Secret, else the password of database.existingSecret. */}}
{{- define "marketpipe.databaseSecretEnv" -}}
{{- if .Values.postgresql.cloudnativepg.enabled }}
{{- $secret := printf "%s-app" (include "marketpipe.cnpgName" .) }}
{{ include "marketpipe.secretEnv" (dict "name" "MARKETPIPE_DB_USER" "secret" $secret "key" "username") }}
{{ include "marketpipe.secretEnv" (dict "name" "MARKETPIPE_DB_PASSWORD" "secret" $secret "key" "password") }}
{{- else }}
{{- with .Values.database.existingSecret }}
{{ include "marketpipe.secretEnv" (dict "name" "MARKETPIPE_DB_PASSWORD" "secret" . "key" $.Values.database.passwordKey) }}
{{- end }}
{{- end }}
{{- end }}

{{/*
The Deployment/StatefulSet pod template shared by every component. Call with a dict:
  root, component, values (the component's values), env (rendered list of secret env entries, may be empty),
  volumeMounts and volumes (rendered lists besides /tmp, may be empty).
*/}}
{{/* The Secret with the token signing key pair: auth.signingKey.existingSecret, else the one the chart makes. */}}
{{- define "marketpipe.jwtSecretName" -}}
{{- .Values.auth.signingKey.existingSecret | default (printf "%s-jwt" (include "marketpipe.fullname" .)) -}}
{{- end }}

{{/* The environment of bearer-token verification and signing (docs/SECURITY.md), for the four stages. */}}
{{- define "marketpipe.authEnv" -}}
{{- $a := .Values.auth -}}
- name: MARKETPIPE_AUTH_ISSUER
  value: {{ $a.issuer | quote }}
- name: MARKETPIPE_AUTH_ROLES_CLAIM
  value: {{ $a.rolesClaim | quote }}
{{- if $a.oidc.enabled }}
{{- if not (and $a.oidc.url $a.oidc.jwksUrl $a.oidc.clientId $a.oidc.existingSecret) }}
{{- fail "auth.oidc.enabled needs auth.oidc.url, jwksUrl, clientId and existingSecret (the client's secret)" }}
{{- end }}
- name: MARKETPIPE_AUTH_PUBLIC_KEY_LOCATION
  value: {{ $a.oidc.jwksUrl | quote }}
- name: MARKETPIPE_AUTH_OIDC_ENABLED
  value: "true"
- name: MARKETPIPE_AUTH_OIDC_URL
  value: {{ $a.oidc.url | quote }}
- name: MARKETPIPE_AUTH_OIDC_CLIENT_ID
  value: {{ $a.oidc.clientId | quote }}
- name: MARKETPIPE_AUTH_OIDC_CLIENT_SECRET
  valueFrom:
    secretKeyRef:
      name: {{ $a.oidc.existingSecret }}
      key: {{ $a.oidc.clientSecretKey }}
{{- else }}
- name: MARKETPIPE_AUTH_PUBLIC_KEY_LOCATION
  value: {{ printf "/etc/marketpipe/jwt/%s" $a.signingKey.publicKeyKey | quote }}
{{- end }}
- name: MARKETPIPE_AUTH_SIGNING_KEY_LOCATION
  value: {{ printf "/etc/marketpipe/jwt/%s" $a.signingKey.privateKeyKey | quote }}
{{- with $a.audiences }}
- name: MARKETPIPE_AUTH_AUDIENCES
  value: {{ . | quote }}
{{- end }}
{{- end }}

{{/*
The environment of bearer-token verification alone, for the operator console: it checks a person's token with the
stages' public key (or the OIDC provider's JWKS) and passes it on, but never signs a token nor fetches pipeline
tokens, so it gets neither the signing key's location nor the OIDC client's secret.
*/}}
{{- define "marketpipe.consoleAuthEnv" -}}
{{- $a := .Values.auth -}}
- name: MARKETPIPE_AUTH_ISSUER
  value: {{ $a.issuer | quote }}
- name: MARKETPIPE_AUTH_ROLES_CLAIM
  value: {{ $a.rolesClaim | quote }}
- name: MARKETPIPE_AUTH_PUBLIC_KEY_LOCATION
{{- if $a.oidc.enabled }}
  value: {{ $a.oidc.jwksUrl | quote }}
{{- else }}
  value: {{ printf "/etc/marketpipe/jwt/%s" $a.signingKey.publicKeyKey | quote }}
{{- end }}
{{- with $a.audiences }}
- name: MARKETPIPE_AUTH_AUDIENCES
  value: {{ . | quote }}
{{- end }}
{{- end }}

{{- define "marketpipe.podTemplate" -}}
{{- $root := .root -}}
{{- $v := .values -}}
{{- $stage := ne .component "simulator" -}}
{{- /* the console: a stage's management port, token verification and TLS trust, but no signing key */ -}}
{{- $console := eq .component "console" -}}
{{- $jwt := and $stage (not (and $console $root.Values.auth.oidc.enabled)) -}}
{{- $port := include "marketpipe.port" .component -}}
{{- $probes := mustMergeOverwrite (deepCopy $root.Values.probes) (deepCopy ($v.probes | default dict)) -}}
metadata:
  labels:
    {{- include "marketpipe.selectorLabels" (dict "root" $root "component" .component) | nindent 4 }}
    app.kubernetes.io/part-of: marketpipe
    {{- with $v.podLabels }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
  annotations:
    checksum/config: {{ .configChecksum }}
    {{- with $v.podAnnotations }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
spec:
  serviceAccountName: {{ include "marketpipe.serviceAccountName" $root }}
  automountServiceAccountToken: false
  {{- with $root.Values.imagePullSecrets }}
  imagePullSecrets:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  securityContext:
    {{- toYaml $root.Values.podSecurityContext | nindent 4 }}
  containers:
    - name: {{ .component }}
      image: {{ include "marketpipe.image" (dict "root" $root "values" $v) | quote }}
      imagePullPolicy: {{ $v.image.pullPolicy }}
      securityContext:
        {{- toYaml $root.Values.containerSecurityContext | nindent 8 }}
      ports:
        - name: http
          containerPort: {{ $port }}
          protocol: TCP
        {{- if $stage }}
        - name: management
          containerPort: {{ include "marketpipe.managementPort" .component }}
          protocol: TCP
        {{- end }}
      envFrom:
        - configMapRef:
            name: {{ include "marketpipe.componentName" (dict "root" $root "component" .component) }}
      {{- $env := trim (default "" .env) }}
      {{- $tls := and $stage $root.Values.tls.enabled }}
      {{- if or $env $v.extraEnv $stage }}
      env:
        {{- if $console }}
        {{- include "marketpipe.consoleAuthEnv" $root | nindent 8 }}
        {{- else if $stage }}
        {{- include "marketpipe.authEnv" $root | nindent 8 }}
        {{- end }}
        {{- if $tls }}
        {{- include "marketpipe.tlsEnv" $root | nindent 8 }}
        {{- end }}
        {{- with $env }}
        {{- . | nindent 8 }}
        {{- end }}
        {{- with $v.extraEnv }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
      {{- end }}
      startupProbe:
        httpGet:
          path: /q/health/started
          port: {{ $stage | ternary "management" "http" }}
        {{- toYaml $probes.startup | nindent 8 }}
      livenessProbe:
        httpGet:
          path: /q/health/live
          port: {{ $stage | ternary "management" "http" }}
        {{- toYaml $probes.liveness | nindent 8 }}
      readinessProbe:
        httpGet:
          path: /q/health/ready
          port: {{ $stage | ternary "management" "http" }}
        {{- toYaml $probes.readiness | nindent 8 }}
      resources:
        {{- toYaml $v.resources | nindent 8 }}
      volumeMounts:
        - name: tmp
          mountPath: /tmp
        {{- if $jwt }}
        - name: jwt
          mountPath: /etc/marketpipe/jwt
          readOnly: true
        {{- end }}
        {{- if $tls }}
        - name: tls
          mountPath: /etc/marketpipe/tls
          readOnly: true
        {{- end }}
        {{- with trim (default "" .volumeMounts) }}
        {{- . | nindent 8 }}
        {{- end }}
  volumes:
    - name: tmp
      emptyDir:
        sizeLimit: 256Mi
    {{- if $jwt }}
    - name: jwt
      secret:
        secretName: {{ include "marketpipe.jwtSecretName" $root }}
        defaultMode: 0400
        {{- if $console }}
        # the public key alone: the console verifies tokens, it never signs one
        items:
          - key: {{ $root.Values.auth.signingKey.publicKeyKey }}
            path: {{ $root.Values.auth.signingKey.publicKeyKey }}
        {{- end }}
    {{- end }}
    {{- if and $stage $root.Values.tls.enabled }}
    - name: tls
      secret:
        secretName: {{ include "marketpipe.tlsSecretName" $root }}
        defaultMode: 0400
    {{- end }}
    {{- with trim (default "" .volumes) }}
    {{- . | nindent 4 }}
    {{- end }}
  {{- with $v.nodeSelector }}
  nodeSelector:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  {{- with $v.tolerations }}
  tolerations:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  {{- with $v.affinity }}
  affinity:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  {{- with $v.topologySpreadConstraints }}
  topologySpreadConstraints:
    {{- toYaml . | nindent 4 }}
  {{- end }}
{{- end }}

{{/* The ConfigMap of a component's environment: the chart's settings, overridden by the component's config. */}}
{{- define "marketpipe.configMap" -}}
apiVersion: v1
kind: ConfigMap
metadata:
  name: {{ include "marketpipe.componentName" (dict "root" .root "component" .component) }}
  labels:
    {{- include "marketpipe.componentLabels" (dict "root" .root "component" .component) | nindent 4 }}
{{- $jvm := .root.Values.jvm }}
{{- $jvmEnv := dict "JAVA_OPTS_APPEND" (printf "-Dquarkus.http.host=0.0.0.0 -Djava.util.logging.manager=org.jboss.logmanager.LogManager %s" $jvm.options | trim) "GC_CONTAINER_OPTIONS" $jvm.gc "JAVA_MAX_MEM_RATIO" $jvm.maxMemRatio }}
{{- $data := mustMergeOverwrite $jvmEnv (deepCopy .settings) (deepCopy (.values.config | default dict)) }}
{{- if $data }}
data:
  {{- range $k, $val := $data }}
  {{ $k }}: {{ toString $val | quote }}
  {{- end }}
{{- else }}
data: {}
{{- end }}
{{- end }}

{{/* The ClusterIP Service of a component. */}}
{{- define "marketpipe.service" -}}
apiVersion: v1
kind: Service
metadata:
  name: {{ include "marketpipe.componentName" (dict "root" .root "component" .component) }}
  labels:
    {{- include "marketpipe.componentLabels" (dict "root" .root "component" .component) | nindent 4 }}
spec:
  type: ClusterIP
  selector:
    {{- include "marketpipe.selectorLabels" (dict "root" .root "component" .component) | nindent 4 }}
  ports:
    - name: http
      port: {{ include "marketpipe.port" .component }}
      targetPort: http
      protocol: TCP
    {{- with include "marketpipe.managementPort" .component }}
    - name: management
      port: {{ . }}
      targetPort: management
      protocol: TCP
    {{- end }}
{{- end }}

{{/* Adds an S3 bucket's settings (archive store or backup) to a settings dict under an env prefix. */}}
{{- define "marketpipe.s3Settings" -}}
{{- $s := .settings -}}
{{- $_ := set $s (printf "%sBUCKET" .prefix) .s3.bucket -}}
{{- with .s3.keyPrefix }}{{ $_ := set $s (printf "%sKEY_PREFIX" $.prefix) . }}{{ end -}}
{{- with .s3.endpoint }}{{ $_ := set $s (printf "%sENDPOINT" $.prefix) . }}{{ end -}}
{{- $_ := set $s (printf "%sREGION" .prefix) .s3.region -}}
{{- $_ := set $s (printf "%sPATH_STYLE_ACCESS" .prefix) (toString .s3.pathStyleAccess) -}}
{{- $_ := set $s (printf "%sCONDITIONAL_WRITES" .prefix) (toString .s3.conditionalWrites) -}}
{{- end }}

{{/* The Deployment of a stateless component. Same arguments as marketpipe.podTemplate. */}}
{{- define "marketpipe.deployment" -}}
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "marketpipe.componentName" . }}
  labels:
    {{- include "marketpipe.componentLabels" . | nindent 4 }}
spec:
  {{- if not (and .values.autoscaling .values.autoscaling.enabled) }}
  replicas: {{ .values.replicas }}
  {{- end }}
  selector:
    matchLabels:
      {{- include "marketpipe.selectorLabels" . | nindent 6 }}
  template:
    {{- include "marketpipe.podTemplate" . | nindent 4 }}
{{- end }}

{{/* The securities API the collector calls: collector.apiUrl, else the bundled simulator when enabled, else empty. */}}
{{- define "marketpipe.collectorApiUrl" -}}
{{- if .Values.collector.apiUrl }}
{{- .Values.collector.apiUrl }}
{{- else if .Values.simulator.enabled }}
{{- include "marketpipe.url" (dict "root" . "component" "simulator") }}
{{- end }}
{{- end }}
